package com.bazaar.notification.webhook;

import com.bazaar.platform.config.ConfigLoader;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF guard as the prod profile applies it, and the profiles that relax it. */
class WebhookTargetsTest {
  private static final Vertx VERTX = Vertx.vertx();
  private static final WebhookTargets PROD = new WebhookTargets(VERTX, false);

  @AfterAll
  static void close() {
    VERTX.close().await();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://127.0.0.1/hooks", "https://169.254.169.254/latest/meta-data", "https://localhost/x",
    "https://10.1.2.3/x", "https://172.16.0.9/x", "https://192.168.1.1/x", "https://100.64.0.1/x", "https://0.0.0.0/x",
    "https://[::1]/x", "https://[fd00:ec2::254]/x", "https://[fe80::1]/x", "https://[::ffff:127.0.0.1]/x"})
  void prod_refuses_hosts_that_are_not_public(String url) {
    assertThatThrownBy(() -> PROD.checkAddresses(PROD.parse(url)).await())
      .isInstanceOfSatisfying(ApiError.class, e -> {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("WEBHOOK_TARGET_REFUSED");
      });
  }

  @Test
  void prod_accepts_a_public_address() {
    PROD.checkAddresses(PROD.parse("https://93.184.215.14/hooks")).await();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://93.184.215.14/hooks", "not a url", "/relative", "https://user:pw@example.com/x",
    "https://example.com/x#frag", "ftp://example.com/x"})
  void prod_refuses_urls_that_are_not_plain_https(String url) {
    assertThatThrownBy(() -> PROD.parse(url)).isInstanceOfSatisfying(ApiError.class,
      e -> assertThat(e.code()).isEqualTo("INVALID_WEBHOOK_URL"));
  }

  @Test
  void only_dev_and_bench_allow_local_targets() {
    for (String profile : new String[] {"dev", "bench", "prod"}) {
      WebhookSettings settings = WebhookSettings.from(ConfigLoader.load(null, Map.of()), profile);
      assertThat(settings.localTargetsAllowed()).as(profile).isEqualTo(!profile.equals("prod"));
    }
    WebhookTargets dev = new WebhookTargets(VERTX, true);
    dev.checkAddresses(dev.parse("http://127.0.0.1:8080/hooks")).await();
  }
}
