package com.bazaar.order;

import com.bazaar.order.api.OrderSnapshot.Line;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A line of an order with the catalog's name and SKU as they were when it was placed. */
record OrderItem(Line line, String productName, String sku) {
  static final String COLUMNS = "variant_id, product_id, product_name, sku, quantity, unit_price, line_total, "
    + "commission_rate_bps, commission";

  static OrderItem from(Row row) {
    return new OrderItem(new Line(row.getUUID("variant_id"), row.getUUID("product_id"), row.getInteger("quantity"),
      row.getLong("unit_price"), row.getLong("line_total"), row.getInteger("commission_rate_bps"),
      row.getLong("commission")), row.getString("product_name"), row.getString("sku"));
  }

  JsonObject toJson(boolean withCommission) {
    JsonObject json = new JsonObject()
      .put("variantId", line.variantId().toString())
      .put("productId", line.productId().toString())
      .put("productName", productName)
      .put("sku", sku)
      .put("quantity", line.quantity())
      .put("unitPrice", line.unitPrice())
      .put("lineTotal", line.lineTotal());
    if (withCommission) {
      json.put("commissionRateBps", line.commissionRateBps()).put("commission", line.commission());
    }
    return json;
  }
}
