package com.bazaar.auth.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyFileTest {
  @Test
  void writes_a_key_once_readable_by_its_owner_only_and_keeps_it_afterwards(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jwt-private.pem");

    assertThat(SigningKeyFile.ensure(file)).isTrue();
    String first = Files.readString(file);
    SigningKey key = SigningKey.fromPrivatePem("bazaar-1", first);
    assertThat(key.publicPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

    assertThat(SigningKeyFile.ensure(file)).isFalse();
    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void a_file_that_is_not_a_key_is_refused_not_replaced(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jwt-private.pem");
    Files.writeString(file, "not a key");

    assertThatThrownBy(() -> SigningKeyFile.ensure(file)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.readString(file)).isEqualTo("not a key");
  }
}
