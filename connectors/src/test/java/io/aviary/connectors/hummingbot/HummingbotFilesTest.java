package io.aviary.connectors.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HummingbotFilesTest {

    @TempDir
    Path folder;

    @Test
    void readsOneMappingInFileOrder() {
        assertThat(HummingbotFiles.parseMapping("b: 1\na: [x, y]\n")).containsExactly(Map.entry("b", 1),
                Map.entry("a", List.of("x", "y")));
    }

    @Test
    void rejectsWhatIsNoSafeMappingWithoutEchoingIt() {
        assertThatThrownBy(() -> HummingbotFiles.parseMapping("")).hasMessage("not a YAML mapping");
        assertThatThrownBy(() -> HummingbotFiles.parseMapping("- secret-item")).hasMessage("not a YAML mapping");
        assertThatThrownBy(() -> HummingbotFiles.parseMapping("a: 1\na: 2\n")).hasMessage("malformed YAML");
        assertThatThrownBy(() -> HummingbotFiles.parseMapping("a: !!java.io.File secret\n"))
                .hasMessage("malformed YAML");
    }

    @Test
    void writesBlockStyleWithExactDecimalsAsPlainNumbers() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("total_amount_quote", new BigDecimal("100.0"));
        content.put("buy_spreads", List.of(new BigDecimal("0.01")));
        content.put("trailing_stop", null);

        assertThat(HummingbotFiles.dump(content)).isEqualTo("total_amount_quote: 100\nbuy_spreads:\n- 0.01\n"
                + "trailing_stop: null\n");
    }

    @Test
    void aFileIsReplacedWholeAndReadBackWithItsName() throws Exception {
        Path file = folder.resolve("c.yml");
        HummingbotFiles.writeAtomically(file, "a: 1\n");
        HummingbotFiles.writeAtomically(file, "a: 2\n");

        assertThat(HummingbotFiles.readMapping(file)).containsExactly(Map.entry("a", 2));
        try (var siblings = Files.list(folder)) {
            assertThat(siblings).containsExactly(file);
        }
        assertThatThrownBy(() -> HummingbotFiles.readMapping(folder.resolve("gone.yml")))
                .isInstanceOfSatisfying(HummingbotFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(HummingbotFileException.Reason.MISSING))
                .hasMessage("gone.yml: file is missing");
    }
}
