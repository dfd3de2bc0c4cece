package dev.dynarecord.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributePathTest {

    @Test
    void aPathKeepsItsNamesWholeAndRendersAPlaceholderPerName() {
        String path = AttributePath.encode("previous", List.of(0, "city.name", "[1]"));
        assertThat(AttributePath.isPath(path)).isTrue();
        assertThat(AttributePath.attribute(path)).isEqualTo("previous");
        assertThat(AttributePath.segments(path)).containsExactly(0, "city.name", "[1]");
        assertThat(AttributePath.display(path)).isEqualTo("previous[0].city.name.[1]");
        Map<String, String> names = Map.of("previous", "#a", "city.name", "#b", "[1]", "#c");
        assertThat(AttributePath.render(path, names::get)).isEqualTo("#a[0].#b.#c");
    }

    @Test
    void anAttributeNameIsItsOwnPath() {
        assertThat(AttributePath.encode("home", List.of())).isEqualTo("home");
        assertThat(AttributePath.isPath("home.city")).isFalse(); // a dot in a name is part of the name
        assertThat(AttributePath.segments("home.city")).isEmpty();
        assertThat(AttributePath.render("home.city", n -> "#x")).isEqualTo("#x");
    }
}
