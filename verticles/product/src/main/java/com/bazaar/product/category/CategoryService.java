package com.bazaar.product.category;

import com.bazaar.platform.Ids;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.db.PgErrors;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.Cursor;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.product.Slugs;
import com.bazaar.product.catalog.CatalogChanges;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Category operations: public reads of active categories, ADMIN writes. */
public final class CategoryService {
  private final CategoryRepository repository;
  private final CatalogChanges changes;

  public CategoryService(ServiceDb db, CatalogChanges changes) {
    this.repository = new CategoryRepository(db);
    this.changes = changes;
  }

  public Future<BusReply> list(BusRequest request) {
    PageRequest page = PageRequest.from(request);
    JsonArray after = Cursor.decode(page.cursor(), 2);
    String afterName = after == null ? null : after.getString(0);
    UUID afterId = after == null ? null : Ids.parse(after.getString(1), "cursor");
    return repository.listActive(afterName, afterId, page.fetchSize())
      .map(rows -> BusReply.ok(Page.of(rows, page, Category::toJson, c -> Cursor.encode(c.name(), c.id().toString()))));
  }

  public Future<BusReply> get(BusRequest request) {
    String key = request.param("idOrSlug");
    Future<Optional<Category>> found = Ids.isUuid(key) ? repository.byId(UUID.fromString(key)) : repository.bySlug(key);
    return found.map(category -> category
      .filter(c -> c.active() || request.principal().isAdmin())
      .map(c -> BusReply.ok(c.toJson()))
      .orElseThrow(() -> ApiError.notFound("Category")));
  }

  public Future<BusReply> create(BusRequest request) {
    JsonObject body = request.bodyObject();
    String name = body.getString("name").trim();
    String slug = body.getString("slug", Slugs.fromName(name));
    return repository.insert(name, slug, body.getString("description"), body.getBoolean("isActive", true))
      .recover(CategoryService::duplicate)
      .compose(c -> changes.changed("category", List.of()).map(v -> BusReply.created(c.toJson())));
  }

  public Future<BusReply> update(BusRequest request) {
    UUID id = Ids.parse(request.param("idOrSlug"), "id");
    JsonObject patch = request.bodyObject().copy();
    if (patch.getString("name") != null) {
      patch.put("name", patch.getString("name").trim());
    }
    return repository.update(id, patch)
      .map(c -> c.orElseThrow(() -> ApiError.notFound("Category")))
      .recover(CategoryService::duplicate)
      .compose(c -> productsChanged(id).map(v -> BusReply.ok(c.toJson())));
  }

  public Future<BusReply> delete(BusRequest request) {
    UUID id = Ids.parse(request.param("idOrSlug"), "id");
    return repository.productsIn(id).compose(products -> repository.delete(id).compose(deleted -> {
      if (!deleted) {
        throw ApiError.notFound("Category");
      }
      return changes.changed("category", products).map(v -> BusReply.noContent());
    }));
  }

  /** Product details embed their category, so a category change drops the details of its products. */
  private Future<Void> productsChanged(UUID categoryId) {
    return repository.productsIn(categoryId).compose(products -> changes.changed("category", products));
  }

  private static <T> Future<T> duplicate(Throwable failure) {
    return Future.failedFuture(PgErrors.uniqueViolation(failure)
      .<Throwable>map(constraint -> {
        String field = constraint.contains("slug") ? "slug" : "name";
        return ApiError.conflict("DUPLICATE_CATEGORY", "A category with this " + field + " already exists",
          new JsonObject().put("field", field));
      })
      .orElse(failure));
  }
}
