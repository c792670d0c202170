-- Whether the priced product is still sold (active, in an active category, not deleted), as the product service
-- last announced it on product.changed. Pricing of a product that is not is 404, and a cart line for it is 422.
ALTER TABLE product_pricing ADD COLUMN product_active boolean NOT NULL DEFAULT true;
