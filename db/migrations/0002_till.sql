CREATE TABLE `order_taxes` (
	`order_id` integer NOT NULL,
	`tax_rate_id` integer NOT NULL,
	`name` text NOT NULL,
	`rate_bp` integer NOT NULL,
	`taxable_cents` integer NOT NULL,
	`tax_cents` integer NOT NULL,
	PRIMARY KEY(`order_id`, `tax_rate_id`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tax_rate_id`) REFERENCES `tax_rates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tax_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`rate_bp` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tax_rates_active_id_idx` ON `tax_rates` (`is_active`,`id`);--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`printer_id` integer NOT NULL,
	`ref_type` text NOT NULL,
	`ref_id` integer,
	`payload` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`printed_at` integer,
	FOREIGN KEY (`printer_id`) REFERENCES `printers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `print_jobs_status_idx` ON `print_jobs` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_printer_id_idx` ON `print_jobs` (`printer_id`,`id`);--> statement-breakpoint
CREATE TABLE `printers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`address` text,
	`width` integer DEFAULT 48 NOT NULL,
	`auto_print` integer DEFAULT false NOT NULL,
	`open_drawer_on_cash` integer DEFAULT false NOT NULL,
	`cut` integer DEFAULT true NOT NULL,
	`deleted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `receipt_sequences` (
	`series` text PRIMARY KEY NOT NULL,
	`last_no` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `registers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`printer_id` integer,
	`device_token_hash` text,
	`device_token_set_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`printer_id`) REFERENCES `printers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registers_one_default` ON `registers` (`is_default`) WHERE "registers"."is_default" = 1;--> statement-breakpoint
CREATE UNIQUE INDEX `registers_device_token_hash_unique` ON `registers` (`device_token_hash`) WHERE "registers"."device_token_hash" is not null;--> statement-breakpoint
CREATE TABLE `cash_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cash_session_id` integer NOT NULL,
	`type` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`reason` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`cash_session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cash_movements_session_idx` ON `cash_movements` (`cash_session_id`,`id`);--> statement-breakpoint
CREATE TABLE `cash_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`register_id` integer NOT NULL,
	`status` text NOT NULL,
	`opened_by` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`opening_float_cents` integer NOT NULL,
	`closed_by` integer,
	`closed_at` integer,
	`counted_cash_cents` integer,
	`expected_cash_cents` integer,
	`variance_cents` integer,
	`note` text,
	`close_approved_by` integer,
	FOREIGN KEY (`register_id`) REFERENCES `registers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`close_approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cash_sessions_one_open_per_register` ON `cash_sessions` (`register_id`) WHERE "cash_sessions"."status" = 'open';--> statement-breakpoint
CREATE INDEX `cash_sessions_register_id_idx` ON `cash_sessions` (`register_id`,`id`);--> statement-breakpoint
CREATE INDEX `cash_sessions_opened_by_idx` ON `cash_sessions` (`opened_by`,`id`);--> statement-breakpoint
CREATE INDEX `cash_sessions_opened_at_idx` ON `cash_sessions` (`opened_at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer,
	`refund_id` integer,
	`method` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`tendered_cents` integer NOT NULL,
	`change_cents` integer DEFAULT 0 NOT NULL,
	`reference` text,
	`cash_session_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cash_session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_order_or_refund" CHECK(("payments"."order_id" is null) <> ("payments"."refund_id" is null))
);
--> statement-breakpoint
CREATE INDEX `payments_order_id_idx` ON `payments` (`order_id`);--> statement-breakpoint
CREATE INDEX `payments_refund_id_idx` ON `payments` (`refund_id`);--> statement-breakpoint
CREATE INDEX `payments_cash_session_idx` ON `payments` (`cash_session_id`,`method`);--> statement-breakpoint
CREATE TABLE `refund_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`refund_id` integer NOT NULL,
	`order_item_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`name` text NOT NULL,
	`amount` integer NOT NULL,
	`restock` integer NOT NULL,
	`net_line_cents` integer NOT NULL,
	`tax_cents` integer DEFAULT 0 NOT NULL,
	`tax_rate_id` integer,
	`rate_bp` integer,
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tax_rate_id`) REFERENCES `tax_rates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refund_items_refund_id_idx` ON `refund_items` (`refund_id`);--> statement-breakpoint
CREATE INDEX `refund_items_order_item_id_idx` ON `refund_items` (`order_item_id`);--> statement-breakpoint
CREATE TABLE `refund_taxes` (
	`refund_id` integer NOT NULL,
	`tax_rate_id` integer NOT NULL,
	`name` text NOT NULL,
	`rate_bp` integer NOT NULL,
	`taxable_cents` integer NOT NULL,
	`tax_cents` integer NOT NULL,
	PRIMARY KEY(`refund_id`, `tax_rate_id`),
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tax_rate_id`) REFERENCES `tax_rates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`receipt_no` integer NOT NULL,
	`register_id` integer NOT NULL,
	`cash_session_id` integer,
	`total_cents` integer NOT NULL,
	`tax_cents` integer NOT NULL,
	`rounding_cents` integer DEFAULT 0 NOT NULL,
	`reason` text NOT NULL,
	`created_by` integer NOT NULL,
	`approved_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`register_id`) REFERENCES `registers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cash_session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_receipt_no_unique` ON `refunds` (`receipt_no`);--> statement-breakpoint
CREATE INDEX `refunds_order_id_idx` ON `refunds` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `refunds_cash_session_id_idx` ON `refunds` (`cash_session_id`,`id`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`delta` integer NOT NULL,
	`reason` text NOT NULL,
	`ref_type` text NOT NULL,
	`ref_id` integer,
	`note` text,
	`user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_movements_product_id_idx` ON `stock_movements` (`product_id`,`id`);--> statement-breakpoint
CREATE INDEX `stock_movements_ref_idx` ON `stock_movements` (`ref_type`,`ref_id`);--> statement-breakpoint
CREATE TABLE `stock_receipt_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stock_receipt_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`unit_cost_cents` integer,
	FOREIGN KEY (`stock_receipt_id`) REFERENCES `stock_receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_receipt_items_receipt_idx` ON `stock_receipt_items` (`stock_receipt_id`);--> statement-breakpoint
CREATE INDEX `stock_receipt_items_product_idx` ON `stock_receipt_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `stock_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supplier` text,
	`note` text,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_receipts_created_at_idx` ON `stock_receipts` (`created_at`);--> statement-breakpoint
CREATE TABLE `time_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`shop_date` text NOT NULL,
	`clock_in` integer NOT NULL,
	`clock_out` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `time_entries_one_open_per_user` ON `time_entries` (`user_id`) WHERE "time_entries"."clock_out" is null;--> statement-breakpoint
CREATE INDEX `time_entries_user_id_idx` ON `time_entries` (`user_id`,`clock_in`);--> statement-breakpoint
CREATE INDEX `time_entries_clock_in_idx` ON `time_entries` (`clock_in`);--> statement-breakpoint
CREATE TABLE `backups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`reason` text NOT NULL,
	`integrity` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `backups_file_unique` ON `backups` (`file`);--> statement-breakpoint
CREATE INDEX `backups_created_at_idx` ON `backups` (`created_at`);--> statement-breakpoint
ALTER TABLE `roles` ADD `max_discount_percent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `pin_hash` text;--> statement-breakpoint
ALTER TABLE `users` ADD `pin_set_at` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `tax_rate_id` integer REFERENCES tax_rates(id);--> statement-breakpoint
ALTER TABLE `products` ADD `reorder_level` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `tax_rate_id` integer REFERENCES tax_rates(id);--> statement-breakpoint
ALTER TABLE `order_items` ADD `rate_bp` integer;--> statement-breakpoint
ALTER TABLE `order_items` ADD `tax_name` text;--> statement-breakpoint
ALTER TABLE `order_items` ADD `discount_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `discount_type` text;--> statement-breakpoint
ALTER TABLE `order_items` ADD `discount_value` integer;--> statement-breakpoint
ALTER TABLE `order_items` ADD `net_line_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `refunded_amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `receipt_no` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `register_id` integer REFERENCES registers(id);--> statement-breakpoint
ALTER TABLE `orders` ADD `cash_session_id` integer REFERENCES cash_sessions(id);--> statement-breakpoint
ALTER TABLE `orders` ADD `subtotal_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `discount_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `tax_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `rounding_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `due_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `discount_type` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `discount_value` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `refunded_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `completed_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `orders` ADD `discount_approved_by` integer REFERENCES users(id);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_receipt_no_unique` ON `orders` (`receipt_no`) WHERE "orders"."receipt_no" is not null;--> statement-breakpoint
CREATE INDEX `orders_cash_session_id_idx` ON `orders` (`cash_session_id`,`id`);--> statement-breakpoint
-- Data: carry an existing shop into the till. Every statement is safe on an empty database.
-- The default register of API-SELLING.md ("Registers and cash sessions").
INSERT INTO `registers` (`name`, `is_default`, `created_at`, `updated_at`) VALUES ('Main till', 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000);--> statement-breakpoint
-- The one shop-wide receipt series; orders from before the till keep no number.
INSERT INTO `receipt_sequences` (`series`, `last_no`, `updated_at`) VALUES ('shop', 0, CAST(strftime('%s', 'now') AS INTEGER) * 1000);--> statement-breakpoint
-- Discount limits per role (shared/role-discounts.ts); on a fresh database seedRoles sets them.
UPDATE `roles` SET `max_discount_percent` = CASE `key` WHEN 'super_admin' THEN 100 WHEN 'manager' THEN 100 WHEN 'attendant' THEN 10 WHEN 'cashier' THEN 10 ELSE 0 END;--> statement-breakpoint
-- The ledger's opening balance: stock = Σ movements from here on.
INSERT INTO `stock_movements` (`product_id`, `delta`, `reason`, `ref_type`, `ref_id`, `note`, `user_id`, `created_at`)
  SELECT `id`, `stock`, 'initial', 'product', `id`, 'Stock when the ledger began', NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000
  FROM `products` WHERE `stock` <> 0 ORDER BY `id`;--> statement-breakpoint
-- Orders from before the till had no discounts, taxes or rounding: their new totals say so.
UPDATE `orders` SET `subtotal_cents` = `total_cents`, `due_cents` = `total_cents`;--> statement-breakpoint
UPDATE `order_items` SET `net_line_cents` = `line_total_cents`;--> statement-breakpoint
-- Who completed them: the audited completion, else (created complete) the one who placed it.
UPDATE `orders` SET `completed_by` = COALESCE(
    (SELECT `audit_log`.`actor_id` FROM `audit_log`
      WHERE `audit_log`.`action` = 'order.completed' AND `audit_log`.`target_type` = 'order' AND `audit_log`.`target_id` = `orders`.`id`
      ORDER BY `audit_log`.`id` DESC LIMIT 1),
    `user_id`)
  WHERE `status` = 'completed';--> statement-breakpoint
-- A part-1 completion is paid by one `other` payment of the total (API-SELLING.md), outside any session.
INSERT INTO `payments` (`order_id`, `refund_id`, `method`, `amount_cents`, `tendered_cents`, `change_cents`, `reference`, `cash_session_id`, `created_at`)
  SELECT `id`, NULL, 'other', `total_cents`, `total_cents`, 0, NULL, NULL, COALESCE(`completed_at`, `created_at`)
  FROM `orders` WHERE `status` = 'completed' AND `total_cents` > 0 ORDER BY `id`;
