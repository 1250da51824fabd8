CREATE TABLE `reset_guards` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`wrong_pins` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`blocked_until` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
