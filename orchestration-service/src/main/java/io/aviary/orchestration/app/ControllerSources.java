package io.aviary.orchestration.app;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.orchestration.domain.ProgramKind;
import io.aviary.orchestration.domain.ProgramSource;
import io.aviary.orchestration.infra.SourceRepository;
import io.aviary.strategy.config.ControllerKind;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Controller code ({@code /controllers/{controller_type}/{controller_name}}): Aviary's built-in controllers are Java
 * classes of the {@code strategy} module and have no source to show or replace; uploaded sources are stored for
 * Hummingbot images, which run them from the instance folder.
 */
@Service
public class ControllerSources {

    private final SourceRepository sources;
    private final ControllerCatalog catalog;

    public ControllerSources(SourceRepository sources, ControllerCatalog catalog) {
        this.sources = sources;
        this.catalog = catalog;
    }

    /** One controller's code: {@code {name, type, content}}. */
    public record Code(String name, String type, String content) {
    }

    @Transactional(readOnly = true)
    public Map<String, List<String>> list() {
        return catalog.namesByKind();
    }

    @Transactional(readOnly = true)
    public Code get(ControllerKind kind, String rawName) {
        String name = Names.moduleName(rawName, "controller name");
        if (ControllerCatalog.builtIn(kind, name).isPresent()) {
            return new Code(name, kind.wireName(), builtInDescription(kind, name));
        }
        return sources.find(ProgramKind.CONTROLLER, kind.wireName(), name)
                .map(source -> new Code(name, kind.wireName(), source.content()))
                .orElseThrow(() -> notFound(kind, name));
    }

    @Transactional
    public String save(ControllerKind kind, String rawName, String content) {
        String name = Names.moduleName(rawName, "controller name");
        refuseBuiltIn(kind, name, "replaced");
        sources.save(ProgramKind.CONTROLLER, new ProgramSource(kind.wireName(), name, content));
        return name;
    }

    @Transactional
    public String delete(ControllerKind kind, String rawName) {
        String name = Names.moduleName(rawName, "controller name");
        refuseBuiltIn(kind, name, "deleted");
        if (!sources.delete(ProgramKind.CONTROLLER, kind.wireName(), name)) {
            throw notFound(kind, name);
        }
        return name;
    }

    public Map<String, Object> template(ControllerKind kind, String rawName) {
        return ControllerCatalog.template(kind, Names.moduleName(rawName, "controller name"));
    }

    private static void refuseBuiltIn(ControllerKind kind, String name, String what) {
        if (ControllerCatalog.builtIn(kind, name).isPresent()) {
            throw new InvalidRequest("Controller '" + name + "' is built into Aviary and cannot be " + what
                    + "; upload custom code under another name");
        }
    }

    /** What GET shows for a built-in controller: what it is and where its config keys are (ADR 0003). */
    static String builtInDescription(ControllerKind kind, String name) {
        return "Aviary built-in controller '" + name + "' (" + kind.wireName() + "), implemented in Java by the "
                + "strategy module; it has no Python source. Its config keys and defaults: GET /controllers/"
                + kind.wireName() + "/" + name + "/config/template.";
    }

    private static NotFound notFound(ControllerKind kind, String name) {
        return new NotFound("Controller '" + name + "' not found in '" + kind.wireName() + "'");
    }
}
