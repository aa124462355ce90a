package org.claimledger.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @ParameterizedTest
    @ValueSource(strings = {"krakow", "konev-1969-memoir", "krakow-1945/demolition-prevented-by",
            "konev-1969-memoir/krakow-taken-intact", "a.b_c-d", "1939"})
    void lowercase_slugs_with_namespaces_are_ids(String id) {
        assertThat(Slugs.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Krakow", "kraków", "a b", "../etc/passwd", "a/../b", "a//b", "/a", "a/", "-a",
            "a/./b", "a;drop table", "<script>", "a%2fb"})
    void anything_else_is_refused(String id) {
        assertThat(Slugs.isValid(id)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void ids_have_a_length_limit() {
        assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH))).isTrue();
        assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH + 1))).isFalse();
    }
}
