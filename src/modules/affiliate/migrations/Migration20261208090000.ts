import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The review hold (AffiliateCommissionReview): one row per held sale. The partial index on
 * required reviews is what the release job's NOT EXISTS reads, so a ledger of millions of
 * entries with a handful under review releases as fast as before.
 */
export class Migration20261208090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_commission_review" ("id" text not null, "status" text check ("status" in ('required', 'approved', 'declined')) not null default 'required', "order_id" text not null, "because" jsonb not null, "reason" text null, "decided_by" text null, "decided_at" timestamptz null, "reversal_id" text null, "commission_id" text not null, "affiliate_id" text not null, "order_attribution_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_commission_review_pkey" primary key ("id"), constraint CHK_affiliate_commission_review_decided check ((status = 'required') = (decided_at IS NULL)));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_review_affiliate_id" ON "affiliate_commission_review" ("affiliate_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_review_order_attribution_id" ON "affiliate_commission_review" ("order_attribution_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_review_deleted_at" ON "affiliate_commission_review" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_commission_review_commission_unique" ON "affiliate_commission_review" ("commission_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_review_status_created" ON "affiliate_commission_review" ("status", "created_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_review_required_order" ON "affiliate_commission_review" ("order_id", "affiliate_id") WHERE status = 'required' AND deleted_at IS NULL;`)
    this.addSql(`alter table if exists "affiliate_commission_review" add constraint "affiliate_commission_review_commission_id_foreign" foreign key ("commission_id") references "affiliate_commission" ("id") on update cascade;`)
    this.addSql(`alter table if exists "affiliate_commission_review" add constraint "affiliate_commission_review_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`)
    this.addSql(`alter table if exists "affiliate_commission_review" add constraint "affiliate_commission_review_order_attribution_id_foreign" foreign key ("order_attribution_id") references "affiliate_order_attribution" ("id") on update cascade;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_commission_review" cascade;`)
  }
}
