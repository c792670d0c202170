package com.bazaar.payment;

import com.bazaar.order.api.OrderClient;
import com.bazaar.payment.api.PaymentAddresses;
import com.bazaar.payment.provider.PaymentProvider;
import com.bazaar.payment.provider.RazorpayProvider;
import com.bazaar.payment.provider.SandboxProvider;
import com.bazaar.platform.Ids;
import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.Principal;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** Binds the payment service's addresses; the outbox relay is per process. */
public final class PaymentVerticle extends VerticleBase {
  public static final String SERVICE = "payment";
  private static final Logger LOG = LoggerFactory.getLogger(PaymentVerticle.class);

  private final Platform platform;

  public PaymentVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    PaymentSettings settings = PaymentSettings.from(platform.config(), platform.profile());
    PaymentRepository repository = new PaymentRepository(platform.db(SERVICE));
    OrderClient orders = new OrderClient(platform.bus(), Principal.service(SERVICE));
    SandboxProvider sandbox = platform.perProcess("payment.sandbox", () -> new SandboxProvider(
      settings.sandboxWebhookSecret(), platform.webClient(), settings.sandboxWebhookUrl()));
    PaymentProvider provider = settings.provider().equals(RazorpayProvider.NAME)
      ? platform.perProcess("payment.razorpay", () -> new RazorpayProvider(platform.vertx(), platform.webClient(),
        settings.razorpay()))
      : sandbox;
    CashOnDelivery cashOnDelivery = new CashOnDelivery(repository, orders);
    PaymentService payments = new PaymentService(repository, orders, provider, cashOnDelivery);
    RefundRepository refunds = new RefundRepository();
    RefundWorker refundWorker = platform.perProcess("payment.refunds", () -> new RefundWorker(platform.vertx(),
      repository, refunds, provider, settings.refundIntervalMs()).start());
    platform.perProcess("payment.orders", () -> platform.events().consume(SERVICE, OrderOutcomes.QUEUE,
      new OrderOutcomes(refunds, cashOnDelivery, refundWorker::wake))
      .onFailure(e -> LOG.warn("Cancelled orders are not being refunded, nor delivered ones collected: {}",
        e.toString())));
    WebhookHandling webhooks = new WebhookHandling(repository, orders, provider, refunds, refundWorker::wake);
    platform.perProcess("payment.reconciliation", () -> new Reconciliation(platform.vertx(), repository, provider,
      webhooks, settings).start());
    SandboxCompletion completion = new SandboxCompletion(repository, sandbox, settings);
    platform.perProcess("payment.relay", () -> platform.events().relay(SERVICE)
      .onFailure(e -> LOG.warn("Payment events are not being relayed: {}", e.toString())));
    return new BusBindings(vertx.eventBus())
      .bind(PaymentAddresses.CREATE, r -> payments.create(r.principal(), r.header("idempotency-key"),
        Ids.parse(r.bodyObject().getString("orderId"), "orderId"), r.bodyObject().getString("method"))
        .map(BusReply::created))
      .bind(PaymentAddresses.GET, r -> payments.get(r.principal(), paymentId(r.param("id"))).map(BusReply::ok))
      .bind(PaymentAddresses.FOR_ORDER, r -> payments.forOrder(r.principal(), Ids.pathId(r.param("id"), "order"))
        .map(BusReply::ok))
      .bind(PaymentAddresses.WEBHOOK, r -> webhooks.handle(r.rawBody(), r.header("x-razorpay-signature"),
        r.header("x-razorpay-event-id")).map(BusReply::ok))
      .bind(PaymentAddresses.SANDBOX_COMPLETE, r -> completion.complete(r.principal(), paymentId(r.param("id")),
        "succeed".equals(r.bodyObject().getString("outcome")), r.bodyObject().getBoolean("dropWebhook", false))
        .map(BusReply::ok))
      .ready();
  }

  private static UUID paymentId(String raw) {
    return Ids.pathId(raw, "payment");
  }
}
