package com.bazaar.payment;

import com.bazaar.payment.provider.SandboxProvider;
import com.bazaar.platform.auth.Ownership;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The dev-only way to pay in the sandbox: the payment's owner says how it ends, and the sandbox sends the signed
 * webhook to the webhook endpoint over HTTP, as a provider would. Refused outside the {@code dev} and {@code bench}
 * profiles.
 */
final class SandboxCompletion {
  private final PaymentRepository payments;
  private final SandboxProvider sandbox;
  private final PaymentSettings settings;

  SandboxCompletion(PaymentRepository payments, SandboxProvider sandbox, PaymentSettings settings) {
    this.payments = payments;
    this.sandbox = sandbox;
    this.settings = settings;
  }

  Future<JsonObject> complete(Principal caller, UUID paymentId, boolean succeed, boolean dropWebhook) {
    if (!settings.sandboxCompletionAllowed()) {
      return Future.failedFuture(ApiError.forbidden("The sandbox can be driven only when it is the provider, in the dev and bench profiles"));
    }
    return payments.byId(paymentId).compose(payment -> {
      if (payment == null || !Ownership.isOwnerOrAdmin(caller, payment.userId().toString())) {
        return Future.failedFuture(ApiError.notFound("payment"));
      }
      if (!sandbox.name().equals(payment.provider())) {
        return Future.failedFuture(ApiError.conflict("NOT_A_SANDBOX_PAYMENT", "Only a sandbox payment can be completed "
          + "here; cash on delivery is collected when its order is delivered",
          new JsonObject().put("provider", payment.provider())));
      }
      if (!Payment.CREATED.equals(payment.status())) {
        return Future.failedFuture(ApiError.conflict("PAYMENT_SETTLED", "This payment has already ended",
          new JsonObject().put("status", payment.status())));
      }
      return sandbox.complete(payment.providerOrderId(), payment.amount(), payment.currency(), succeed, dropWebhook)
        .compose(webhookStatus -> payments.byId(paymentId).map(after -> after.toJson()
          .put("webhookStatus", webhookStatus)));
    });
  }
}
