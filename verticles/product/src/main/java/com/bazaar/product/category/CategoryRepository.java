package com.bazaar.product.category;

import com.bazaar.platform.db.ServiceDb;
import com.bazaar.product.catalog.CatalogChanges;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for categories. Reads go to the read pool; writes to the primary. */
final class CategoryRepository {
  private static final String SELECT = "SELECT " + Category.COLUMNS + " FROM categories ";
  private static final String LIST_FIRST = SELECT + "WHERE is_active ORDER BY name, id LIMIT $1";
  private static final String LIST_AFTER = SELECT + "WHERE is_active AND (name, id) > ($1, $2) ORDER BY name, id LIMIT $3";
  private static final String BY_ID = SELECT + "WHERE id = $1";
  private static final String BY_SLUG = SELECT + "WHERE slug = $1";
  private static final String INSERT = "INSERT INTO categories (name, slug, description, is_active) "
    + "VALUES ($1, $2, $3, $4) RETURNING " + Category.COLUMNS;
  private static final String UPDATE = "UPDATE categories SET name = COALESCE($2, name), slug = COALESCE($3, slug), "
    + "description = CASE WHEN $4 THEN $5 ELSE description END, is_active = COALESCE($6, is_active), "
    + "updated_at = now() WHERE id = $1 RETURNING " + Category.COLUMNS;
  private static final String DELETE = "DELETE FROM categories WHERE id = $1";
  private static final String PRODUCTS_IN = "SELECT id, slug FROM products WHERE category_id = $1";

  private final ServiceDb db;

  CategoryRepository(ServiceDb db) {
    this.db = db;
  }

  Future<List<Category>> listActive(String afterName, UUID afterId, int fetch) {
    Future<RowSet<Row>> rows = afterName == null
      ? db.read().preparedQuery(LIST_FIRST).execute(Tuple.of(fetch))
      : db.read().preparedQuery(LIST_AFTER).execute(Tuple.of(afterName, afterId, fetch));
    return rows.map(CategoryRepository::toList);
  }

  Future<Optional<Category>> byId(UUID id) {
    return db.read().preparedQuery(BY_ID).execute(Tuple.of(id)).map(CategoryRepository::first);
  }

  Future<Optional<Category>> bySlug(String slug) {
    return db.read().preparedQuery(BY_SLUG).execute(Tuple.of(slug)).map(CategoryRepository::first);
  }

  Future<Category> insert(CategoryDraft draft) {
    return db.write().preparedQuery(INSERT).execute(Tuple.of(draft.name(), draft.slug(), draft.description(), draft.active()))
      .map(rows -> Category.from(rows.iterator().next()));
  }

  Future<Optional<Category>> update(UUID id, CategoryPatch patch) {
    Tuple params = Tuple.of(id, patch.name(), patch.slug(), patch.description().present(), patch.description().value(),
      patch.active());
    return db.write().preparedQuery(UPDATE).execute(params).map(CategoryRepository::first);
  }

  Future<Boolean> delete(UUID id) {
    return db.write().preparedQuery(DELETE).execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
  }

  Future<List<CatalogChanges.Change>> productsIn(UUID categoryId) {
    return db.write().preparedQuery(PRODUCTS_IN).execute(Tuple.of(categoryId)).map(rows -> {
      List<CatalogChanges.Change> products = new ArrayList<>(rows.size());
      rows.forEach(row -> products.add(new CatalogChanges.Change(row.getUUID("id"), List.of(row.getString("slug")))));
      return products;
    });
  }

  private static List<Category> toList(RowSet<Row> rows) {
    List<Category> list = new ArrayList<>(rows.size());
    for (Row row : rows) {
      list.add(Category.from(row));
    }
    return list;
  }

  private static Optional<Category> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Category.from(rows.iterator().next()));
  }
}
