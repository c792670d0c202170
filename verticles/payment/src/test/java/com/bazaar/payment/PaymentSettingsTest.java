package com.bazaar.payment;

import com.bazaar.platform.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentSettingsTest {

  @Test
  void razorpay_without_its_secrets_stops_the_start_and_with_them_turns_the_sandbox_off() {
    assertThatThrownBy(() -> PaymentSettings.from(ConfigLoader.load(null, Map.of("BAZAAR_PAYMENT_PROVIDER",
      "razorpay")), "dev")).hasMessageContaining("BAZAAR_PAYMENT_RAZORPAY_KEY_ID");
    assertThatThrownBy(() -> PaymentSettings.from(ConfigLoader.load(null, Map.of("BAZAAR_PAYMENT_PROVIDER",
      "stripe")), "dev")).hasMessageContaining("sandbox or razorpay");

    PaymentSettings razorpay = PaymentSettings.from(ConfigLoader.load(null, Map.of("BAZAAR_PAYMENT_PROVIDER",
      "razorpay", "BAZAAR_PAYMENT_RAZORPAY_KEY_ID", "rzp_live_x", "BAZAAR_PAYMENT_RAZORPAY_KEY_SECRET", "s",
      "BAZAAR_PAYMENT_RAZORPAY_WEBHOOK_SECRET", "w")), "dev");
    PaymentSettings sandboxInProd = PaymentSettings.from(ConfigLoader.load(null, Map.of()), "prod");
    PaymentSettings sandboxInDev = PaymentSettings.from(ConfigLoader.load(null, Map.of()), "dev");

    assertThat(razorpay.razorpay().keyId()).isEqualTo("rzp_live_x");
    assertThat(razorpay.sandboxCompletionAllowed()).isFalse();
    assertThat(sandboxInProd.sandboxCompletionAllowed()).isFalse();
    assertThat(sandboxInDev.sandboxCompletionAllowed()).isTrue();
  }
}
