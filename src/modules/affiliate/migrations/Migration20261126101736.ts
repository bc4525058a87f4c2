import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126101736 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_attribution" drop constraint if exists "affiliate_attribution_customer_unique";`);
    this.addSql(`alter table if exists "affiliate_click" drop constraint if exists "affiliate_click_session_unique";`);
    this.addSql(`alter table if exists "affiliate_order_attribution" drop constraint if exists "affiliate_order_attribution_order_unique";`);
    this.addSql(`alter table if exists "affiliate" drop constraint if exists "affiliate_customer_id_unique";`);
    this.addSql(`alter table if exists "affiliate" drop constraint if exists "affiliate_code_unique";`);
    this.addSql(`create table if not exists "affiliate_program" ("id" text not null, "name" text not null, "is_default" boolean not null default false, "commission_type" text check ("commission_type" in ('percentage', 'flat')) not null default 'percentage', "commission_value" numeric not null, "hold_days" integer not null default 30, "cookie_days" integer not null default 30, "trailing_months" integer null, "first_order_only" boolean not null default false, "min_payout_amount" numeric not null default 0, "auto_approve" boolean not null default false, "metadata" jsonb null, "raw_commission_value" jsonb not null, "raw_min_payout_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_program_pkey" primary key ("id"), constraint CHK_affiliate_program_commission_value check (commission_value >= 0 AND (commission_type <> 'percentage' OR commission_value <= 100)), constraint CHK_affiliate_program_days check (hold_days >= 0 AND cookie_days >= 0 AND (trailing_months IS NULL OR trailing_months > 0)), constraint CHK_affiliate_program_min_payout check (min_payout_amount >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_program_deleted_at" ON "affiliate_program" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_program_single_default" ON "affiliate_program" ("is_default") WHERE is_default = true AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate" ("id" text not null, "code" text not null, "name" text not null, "email" text not null, "status" text check ("status" in ('pending', 'active', 'suspended', 'rejected')) not null default 'pending', "commission_rate" numeric null, "customer_id" text null, "payout_email" text null, "payout_details" jsonb null, "metadata" jsonb null, "program_id" text not null, "raw_commission_rate" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_pkey" primary key ("id"), constraint CHK_affiliate_code_normalised check (code ~ '^[A-Z0-9_-]{3,32}\$'), constraint CHK_affiliate_commission_rate check (commission_rate IS NULL OR (commission_rate >= 0 AND commission_rate <= 100)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_program_id" ON "affiliate" ("program_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_deleted_at" ON "affiliate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_code_unique" ON "affiliate" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_customer_id_unique" ON "affiliate" ("customer_id") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_status" ON "affiliate" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_email" ON "affiliate" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_created_at" ON "affiliate" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_payout" ("id" text not null, "amount" numeric not null, "currency_code" text not null, "status" text check ("status" in ('requested', 'paid', 'failed', 'canceled')) not null default 'requested', "method" text null, "reference" text null, "failure_reason" text null, "paid_at" timestamptz null, "failed_at" timestamptz null, "canceled_at" timestamptz null, "requested_by" text null, "metadata" jsonb null, "affiliate_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_payout_pkey" primary key ("id"), constraint CHK_affiliate_payout_amount check (amount > 0), constraint CHK_affiliate_payout_currency check (currency_code ~ '^[a-z]{3}\$'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_affiliate_id" ON "affiliate_payout" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_deleted_at" ON "affiliate_payout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_affiliate_created" ON "affiliate_payout" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_status" ON "affiliate_payout" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_created_at" ON "affiliate_payout" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_order_attribution" ("id" text not null, "order_id" text not null, "customer_id" text null, "outcome" text check ("outcome" in ('credited', 'no_referral', 'self_referral', 'affiliate_inactive', 'referral_expired', 'not_first_order')) not null, "source" text check ("source" in ('attribution', 'code', 'link', 'manual')) null, "reason" text null, "candidates" jsonb not null, "currency_code" text null, "affiliate_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_order_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_affiliate_id" ON "affiliate_order_attribution" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_deleted_at" ON "affiliate_order_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_order_unique" ON "affiliate_order_attribution" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_affiliate_created" ON "affiliate_order_attribution" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_customer_id" ON "affiliate_order_attribution" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_created_at" ON "affiliate_order_attribution" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_commission" ("id" text not null, "type" text check ("type" in ('sale', 'reversal', 'clawback', 'adjustment')) not null, "amount" numeric not null, "currency_code" text not null, "rate" numeric null, "base_amount" numeric null, "order_id" text null, "lines" jsonb null, "status" text check ("status" in ('pending', 'available', 'requested', 'paid')) not null default 'pending', "available_at" timestamptz null, "released_at" timestamptz null, "requested_at" timestamptz null, "paid_at" timestamptz null, "idempotency_key" text not null, "reference" text null, "reference_id" text null, "note" text null, "created_by" text null, "metadata" jsonb null, "affiliate_id" text not null, "payout_id" text null, "raw_amount" jsonb not null, "raw_rate" jsonb null, "raw_base_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_commission_pkey" primary key ("id"), constraint CHK_affiliate_commission_sign check ((type = 'sale' AND amount >= 0) OR (type IN ('reversal', 'clawback') AND amount <= 0) OR type = 'adjustment'), constraint CHK_affiliate_commission_currency check (currency_code ~ '^[a-z]{3}\$'), constraint CHK_affiliate_commission_payout_status check ((status IN ('requested', 'paid')) = (payout_id IS NOT NULL)), constraint CHK_affiliate_commission_idempotency_key check (char_length(idempotency_key) BETWEEN 1 AND 255));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_affiliate_id" ON "affiliate_commission" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_payout_id" ON "affiliate_commission" ("payout_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_deleted_at" ON "affiliate_commission" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_commission_idempotency_key" ON "affiliate_commission" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_affiliate_currency_status" ON "affiliate_commission" ("affiliate_id", "currency_code", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_affiliate_created" ON "affiliate_commission" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_status" ON "affiliate_commission" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_release_due" ON "affiliate_commission" ("available_at") WHERE status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_order_id" ON "affiliate_commission" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_created_at" ON "affiliate_commission" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_click" ("id" text not null, "session_id" text null, "sub_id" text null, "landing_url" text null, "referrer" text null, "visitor_hash" text null, "affiliate_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_click_pkey" primary key ("id"), constraint CHK_affiliate_click_lengths check (char_length(session_id) <= 128 AND char_length(sub_id) <= 128 AND char_length(landing_url) <= 2048 AND char_length(referrer) <= 2048));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_affiliate_id" ON "affiliate_click" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_deleted_at" ON "affiliate_click" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_click_session_unique" ON "affiliate_click" ("affiliate_id", "session_id") WHERE session_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_affiliate_created_at" ON "affiliate_click" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_created_at" ON "affiliate_click" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_attribution" ("id" text not null, "customer_id" text not null, "source" text check ("source" in ('link', 'code', 'manual')) not null, "click_id" text null, "promotion_code" text null, "order_id" text null, "expires_at" timestamptz null, "created_by" text null, "affiliate_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_affiliate_id" ON "affiliate_attribution" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_deleted_at" ON "affiliate_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_attribution_customer_unique" ON "affiliate_attribution" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_created_at" ON "affiliate_attribution" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_program_rule" ("id" text not null, "target_type" text check ("target_type" in ('product', 'collection')) not null, "target_id" text not null, "commission_type" text check ("commission_type" in ('percentage', 'flat')) null, "commission_value" numeric null, "excluded" boolean not null default false, "program_id" text not null, "raw_commission_value" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_program_rule_pkey" primary key ("id"), constraint CHK_affiliate_program_rule_value check (excluded = true OR (commission_value IS NOT NULL AND commission_value >= 0)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_program_rule_program_id" ON "affiliate_program_rule" ("program_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_program_rule_deleted_at" ON "affiliate_program_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_program_rule_target" ON "affiliate_program_rule" ("program_id", "target_type", "target_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate" add constraint "affiliate_program_id_foreign" foreign key ("program_id") references "affiliate_program" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_payout" add constraint "affiliate_payout_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_order_attribution" add constraint "affiliate_order_attribution_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "affiliate_commission" add constraint "affiliate_commission_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);
    this.addSql(`alter table if exists "affiliate_commission" add constraint "affiliate_commission_payout_id_foreign" foreign key ("payout_id") references "affiliate_payout" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "affiliate_click" add constraint "affiliate_click_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_attribution" add constraint "affiliate_attribution_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_program_rule" add constraint "affiliate_program_rule_program_id_foreign" foreign key ("program_id") references "affiliate_program" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" drop constraint if exists "affiliate_program_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_program_rule" drop constraint if exists "affiliate_program_rule_program_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_payout" drop constraint if exists "affiliate_payout_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_order_attribution" drop constraint if exists "affiliate_order_attribution_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_commission" drop constraint if exists "affiliate_commission_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_click" drop constraint if exists "affiliate_click_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_attribution" drop constraint if exists "affiliate_attribution_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_commission" drop constraint if exists "affiliate_commission_payout_id_foreign";`);

    this.addSql(`drop table if exists "affiliate_program" cascade;`);

    this.addSql(`drop table if exists "affiliate" cascade;`);

    this.addSql(`drop table if exists "affiliate_payout" cascade;`);

    this.addSql(`drop table if exists "affiliate_order_attribution" cascade;`);

    this.addSql(`drop table if exists "affiliate_commission" cascade;`);

    this.addSql(`drop table if exists "affiliate_click" cascade;`);

    this.addSql(`drop table if exists "affiliate_attribution" cascade;`);

    this.addSql(`drop table if exists "affiliate_program_rule" cascade;`);
  }

}
