package com.bazaar.product;

import com.bazaar.platform.db.ConstraintErrors;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** What a violated constraint of the product schema means to the client, by the constraint's name. */
final class ProductConstraints {
  static final ConstraintErrors ERRORS = ConstraintErrors.of(Map.of(
    "categories_slug_key", duplicateCategory("slug"),
    "categories_name_key", duplicateCategory("name"),
    "products_slug_key", duplicateProduct("slug"),
    "products_sku_key", duplicateProduct("sku"),
    "product_variants_sku_key", duplicateProduct("variants.sku"),
    "product_variants_product_id_combination_key_key", duplicateProduct("variants.optionValues"),
    "products_category_id_fkey", ApiError.unprocessable("UNKNOWN_CATEGORY", "categoryId names no category", null),
    "product_variants_stock_check", ApiError.conflict("STOCK_BELOW_ZERO",
      "The stock change would take the available stock below zero (orders may have reserved some meanwhile)", null)));

  private ProductConstraints() {
  }

  private static ApiError duplicateCategory(String field) {
    return ApiError.conflict("DUPLICATE_CATEGORY", "A category with this " + field + " already exists",
      new JsonObject().put("field", field));
  }

  private static ApiError duplicateProduct(String field) {
    return ApiError.conflict("DUPLICATE", "Another product or variant already has this " + field,
      new JsonObject().put("field", field));
  }
}
