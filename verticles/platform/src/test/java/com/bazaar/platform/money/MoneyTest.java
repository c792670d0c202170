package com.bazaar.platform.money;

import com.bazaar.platform.error.ApiError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

  @Test
  void a_share_rounds_half_way_cases_to_the_even_neighbour() {
    assertThat(Money.share(150, 500)).as("7.5").isEqualTo(8);
    assertThat(Money.share(250, 500)).as("12.5").isEqualTo(12);
    assertThat(Money.share(350, 500)).as("17.5").isEqualTo(18);
    assertThat(Money.share(1, 5000)).as("0.5").isEqualTo(0);
    assertThat(Money.share(3, 5000)).as("1.5").isEqualTo(2);
  }

  @Test
  void a_share_off_the_half_way_mark_rounds_to_the_nearest() {
    assertThat(Money.share(149, 500)).as("7.45").isEqualTo(7);
    assertThat(Money.share(151, 500)).as("7.55").isEqualTo(8);
    assertThat(Money.share(10_000, 1234)).isEqualTo(1234);
    assertThat(Money.share(0, 9999)).isZero();
  }

  @Test
  void margins_round_down_and_overflow_is_refused() {
    assertThat(Money.marginBps(11_000, 10_000)).isEqualTo(1000);
    assertThat(Money.marginBps(10_999, 10_000)).isEqualTo(999);
    assertThat(Money.marginBps(10_001, 30_000)).as("below the base, still rounded down").isEqualTo(-6667);
    assertThatThrownBy(() -> Money.times(Long.MAX_VALUE / 2, 3)).isInstanceOf(ApiError.class);
  }
}
