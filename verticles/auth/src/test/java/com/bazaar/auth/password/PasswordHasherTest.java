package com.bazaar.auth.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void a_hash_is_argon2id_at_the_owasp_parameters_with_a_fresh_salt() {
    String first = hasher.hash("correct horse battery");
    String second = hasher.hash("correct horse battery");

    assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void only_the_right_password_verifies() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
    assertThat(hasher.verify("correct horse battery", "$bcrypt$whatever")).isFalse();
  }

  @Test
  void verification_uses_the_parameters_stored_in_the_hash() {
    String hash = hasher.hash("pw");
    String otherIterations = hash.replace("t=2", "t=3");

    assertThat(hasher.verify("pw", hash)).isTrue();
    assertThat(hasher.verify("pw", otherIterations)).isFalse();
  }
}
