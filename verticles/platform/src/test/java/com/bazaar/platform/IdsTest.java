package com.bazaar.platform;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {
  @Test
  void a_uuid_is_8_4_4_4_12_hex_digits_in_either_case() {
    for (int i = 0; i < 1_000; i++) {
      String id = UUID.randomUUID().toString();
      assertThat(Ids.isUuid(id)).isTrue();
      assertThat(Ids.isUuid(id.toUpperCase())).isTrue();
    }
    for (String wrong : new String[] {null, "", "9b2f6c1e5a4b4c3d8e2f1a2b3c4d5e6f", "{9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f}",
      "9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6", "9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f0", "9b2f6c1e5-a4b-4c3d-8e2f-1a2b3c4d5e6f",
      "9b2f6c1g-5a4b-4c3d-8e2f-1a2b3c4d5e6f", "9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6\u0661", "9b2f6c1e-5a4b-4c3d-8e2f 1a2b3c4d5e6f"}) {
      assertThat(Ids.isUuid(wrong)).as(wrong).isFalse();
    }
  }
}
