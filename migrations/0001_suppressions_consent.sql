CREATE TABLE `suppressions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`reason` text NOT NULL,
	`source` text DEFAULT 'user' NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suppressions_channel_address_uq` ON `suppressions` (`channel`,`address`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `email_consent` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `whatsapp_consent` text;