package dev.squall.bench.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagsTest {
  private static final List<String> KNOWN = List.of("quick", "bytes", "rate", "only");

  @Test
  void valuesSwitchesAndDefaults() {
    Flags f = new Flags(new String[] {"--quick", "--bytes", "64MiB", "--rate", "2.5"}, KNOWN);
    assertThat(f.has("quick")).isTrue();
    assertThat(f.size("bytes", 1)).isEqualTo(64L << 20);
    assertThat(f.decimal("rate", 0)).isEqualTo(2.5);
    assertThat(f.has("only")).isFalse();
    assertThat(f.text("only", "all")).isEqualTo("all");
    assertThat(f.integer("rate-missing", 7)).isEqualTo(7);
  }

  @Test
  void aSwitchAtTheEndOrBeforeAnotherOption() {
    Flags f = new Flags(new String[] {"--only", "heap", "--quick"}, KNOWN);
    assertThat(f.has("quick")).isTrue();
    assertThat(f.text("only", "")).isEqualTo("heap");
  }

  @Test
  void rejectsUnknownAndPositional() {
    assertThatThrownBy(() -> new Flags(new String[] {"--nope"}, KNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--nope");
    assertThatThrownBy(() -> new Flags(new String[] {"stray"}, KNOWN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
