package io.aviary.strategy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every controller against its complete example file: parse, defaults, write-back, unknown and wrong keys. */
class ControllerConfigExamplesTest {

    static final List<String> CONTROLLERS = Examples.CONTROLLERS;

    @ParameterizedTest
    @FieldSource("CONTROLLERS")
    void theExampleParsesAndWritesBackUnchangedInHummingbotsKeyOrder(String name) {
        Map<String, Object> example = Examples.load(name);

        V2ControllerConfig config = ControllerRegistry.parse(example);
        Map<String, Object> written = config.toMap();

        assertThat(config.controllerName()).isEqualTo(name);
        assertThat(config.id()).isEqualTo(name + "_example");
        assertThat(new ArrayList<>(written.keySet())).containsExactlyElementsOf(example.keySet());
        assertThat(written).isEqualTo(example);
    }

    @ParameterizedTest
    @FieldSource("CONTROLLERS")
    void keysLeftOutTakeHummingbotsDefaults(String name) {
        Map<String, Object> minimal = new LinkedHashMap<>();
        minimal.put("id", name + "_example");
        minimal.put("controller_name", name);

        Map<String, Object> written = ControllerRegistry.parse(minimal).toMap();

        assertThat(written).isEqualTo(Examples.load(name));
        assertThat(new ArrayList<>(written.keySet())).containsExactlyElementsOf(Examples.load(name).keySet());
    }

    @ParameterizedTest
    @FieldSource("CONTROLLERS")
    void writingBackAPartialConfigGivesTheInputPlusDefaults(String name) {
        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put("id", "mine");
        partial.put("controller_name", name);
        partial.put("total_amount_quote", "250.50");
        partial.put("trading_pair", "BTC-USDT");

        Map<String, Object> written = ControllerRegistry.parse(partial).toMap();

        Map<String, Object> expected = Examples.load(name);
        expected.putAll(partial);
        if (expected.containsKey("candles_trading_pair")) {
            expected.put("candles_trading_pair", "BTC-USDT"); // derived from trading_pair when left out
        }
        assertThat(written).isEqualTo(expected);
    }

    @ParameterizedTest
    @FieldSource("CONTROLLERS")
    void anUnknownKeyIsRejectedNamingIt(String name) {
        Map<String, Object> config = Examples.with(name, "bb_lenght", 20);

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(config));

        assertThat(e.key()).isEqualTo("bb_lenght");
        assertThat(e.getMessage()).startsWith("bb_lenght: unknown key for controller " + name);
    }

    @ParameterizedTest
    @FieldSource("CONTROLLERS")
    void everyKeyRejectsAMappingWhereItsValueBelongsNamingTheKey(String name) {
        for (String key : Examples.load(name).keySet()) {
            Map<String, Object> config = Examples.with(name, key, Map.of("not", "valid"));

            InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                    () -> ControllerRegistry.parse(config));

            assertThat(e).as("%s.%s", name, key).isNotNull();
            assertThat(e.key()).as("%s.%s", name, key).startsWith(key);
            assertThat(e.getMessage()).as("%s.%s", name, key).doesNotContain("valid}");
        }
    }

    @ParameterizedTest
    @FieldSource("CONTROLLERS")
    void everyKeyRejectsANestedListNamingTheKey(String name) {
        for (String key : Examples.load(name).keySet()) {
            Map<String, Object> config = Examples.with(name, key, List.of(List.of("x")));

            InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                    () -> ControllerRegistry.parse(config));

            assertThat(e).as("%s.%s", name, key).isNotNull();
            assertThat(e.key()).as("%s.%s", name, key).startsWith(key);
        }
    }

    @ParameterizedTest
    @FieldSource("CONTROLLERS")
    void theIdIsRequired(String name) {
        Map<String, Object> config = Examples.load(name);
        config.remove("id");

        assertThatThrownBy(() -> ControllerRegistry.parse(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("id: is required");
    }

    @ParameterizedTest
    @FieldSource("CONTROLLERS")
    void theTemplateListsEveryKeyOfTheExampleInOrderWithDefaultsThatReadBackTheSame(String name) {
        ControllerType type = ControllerRegistry.find(name).orElseThrow();
        Map<String, Object> fromTemplate = new LinkedHashMap<>();
        for (TemplateField field : type.template()) {
            fromTemplate.put(field.key(), field.required() ? name + "_example" : field.defaultValue());
        }

        assertThat(type.template()).extracting(TemplateField::key).containsExactlyElementsOf(
                Examples.load(name).keySet());
        assertThat(type.template()).filteredOn(TemplateField::required).extracting(TemplateField::key)
                .containsExactly("id");
        assertThat(type.parse(fromTemplate).toMap()).isEqualTo(Examples.load(name));
    }
}
