package com.bazaar.auth.token;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

  @Test
  void the_public_key_is_derived_from_a_configured_private_key() {
    SigningKey generated = SigningKey.generate("k1");

    SigningKey configured = SigningKey.fromPrivatePem("k1", generated.privatePem());

    assertThat(configured.publicPem()).isEqualTo(generated.publicPem());
    assertThat(configured.privatePem()).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void a_malformed_key_is_refused_with_the_setting_named() {
    assertThatThrownBy(() -> SigningKey.fromPrivatePem("k1", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
      .hasMessageContaining("auth.jwt.privateKey");
  }
}
