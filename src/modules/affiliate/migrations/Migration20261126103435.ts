import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126103435 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_job_cursor" ("id" text not null, "position" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_job_cursor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_job_cursor_deleted_at" ON "affiliate_job_cursor" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_order_attribution" add column if not exists "money_fingerprint" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_job_cursor" cascade;`);

    this.addSql(`alter table if exists "affiliate_order_attribution" drop column if exists "money_fingerprint";`);
  }

}
