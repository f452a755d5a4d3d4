package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.ice.internal.Priorities;
import org.junit.jupiter.api.Test;

/** RFC 8445 §5.1.2.1 and §6.1.2.3 formulas. */
class PrioritiesTest {

  @Test
  void candidatePriorityFormula() {
    assertThat(Priorities.candidate(CandidateType.HOST, 65535, 1)).isEqualTo(2130706431L);
    assertThat(Priorities.candidate(CandidateType.SERVER_REFLEXIVE, 65535, 1))
        .isEqualTo((100L << 24) + (65535L << 8) + 255);
    assertThat(Priorities.candidate(CandidateType.PEER_REFLEXIVE, 0, 1))
        .isEqualTo((110L << 24) + 255);
    assertThat(Priorities.candidate(CandidateType.RELAYED, 0, 256)).isZero();
  }

  @Test
  void pairPriorityFormulaAndUnsignedOrder() {
    assertThat(Priorities.pair(5, 3)).isEqualTo((3L << 32) + 10 + 1);
    assertThat(Priorities.pair(3, 5)).isEqualTo((3L << 32) + 10);
    long hostHost = Priorities.pair(2130706431L, 2130706431L);
    long hostSrflx = Priorities.pair(2130706431L, 1694498815L);
    assertThat(Long.compareUnsigned(hostHost, hostSrflx)).isPositive();
    long huge = Priorities.pair(0xFFFF_FFFFL, 0xF000_0000L);
    assertThat(huge).isNegative(); // above 2^63: only unsigned comparison is right
    assertThat(Long.compareUnsigned(huge, hostHost)).isPositive();
    // both agents compute the same priority for the same pair
    assertThat(Priorities.pair(7, 9)).isEqualTo(Priorities.pair(7, 9));
  }

  @Test
  void foundationsGroupSameTypeBaseAndServer() {
    String a = Priorities.foundation(CandidateType.SERVER_REFLEXIVE, "10.0.0.1", "198.18.0.1");
    assertThat(Priorities.foundation(CandidateType.SERVER_REFLEXIVE, "10.0.0.1", "198.18.0.1"))
        .isEqualTo(a);
    assertThat(Priorities.foundation(CandidateType.SERVER_REFLEXIVE, "10.0.0.2", "198.18.0.1"))
        .isNotEqualTo(a);
    assertThat(Priorities.foundation(CandidateType.HOST, "10.0.0.1", "198.18.0.1")).isNotEqualTo(a);
    assertThat(a).matches("[0-9]{1,10}");
  }
}
