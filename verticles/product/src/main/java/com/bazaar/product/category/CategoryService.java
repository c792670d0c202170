package com.bazaar.product.category;

import com.bazaar.platform.Ids;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.Cursor;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.platform.db.ServiceDb;
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

  /** A page of active categories by name: the list body. */
  public Future<JsonObject> list(PageRequest page) {
    JsonArray after = Cursor.decode(page.cursor(), 2);
    String afterName = after == null ? null : after.getString(0);
    UUID afterId = after == null ? null : Ids.parse(after.getString(1), "cursor");
    return repository.listActive(afterName, afterId, page.fetchSize())
      .map(rows -> Page.of(rows, page, Category::toJson, c -> Cursor.encode(c.name(), c.id().toString())));
  }

  /** A category by id or slug; an inactive one only for an ADMIN. */
  public Future<Category> get(String idOrSlug, Principal caller) {
    Future<Optional<Category>> found = Ids.isUuid(idOrSlug)
      ? repository.byId(UUID.fromString(idOrSlug)) : repository.bySlug(idOrSlug);
    return found.map(category -> category
      .filter(c -> c.active() || caller.isAdmin())
      .orElseThrow(() -> ApiError.notFound("Category")));
  }

  public Future<Category> create(CategoryDraft draft) {
    return repository.insert(draft).compose(c -> changes.changed("category", List.of()).map(c));
  }

  public Future<Category> update(UUID id, CategoryPatch patch) {
    return repository.update(id, patch)
      .map(c -> c.orElseThrow(() -> ApiError.notFound("Category")))
      .compose(c -> productsChanged(id).map(c));
  }

  public Future<Void> delete(UUID id) {
    return repository.productsIn(id).compose(products -> repository.delete(id).compose(deleted -> {
      if (!deleted) {
        throw ApiError.notFound("Category");
      }
      return changes.changed("category", products);
    }));
  }

  /** Product details embed their category, so a category change drops the details of its products. */
  private Future<Void> productsChanged(UUID categoryId) {
    return repository.productsIn(categoryId).compose(products -> changes.changed("category", products));
  }
}
