import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written (models cannot express triggers): the commission ledger is append-only.
 * An entry's money and cause never change after insert and entries are never deleted; only
 * the status moves, forwards along the ledger's status flow, with payout_id and the status timestamps.
 */
export class Migration20261126101800 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE OR REPLACE FUNCTION affiliate_commission_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'affiliate_commission is append-only: entry % cannot be deleted', OLD.id;
        END IF;
        IF (NEW.id, NEW.affiliate_id, NEW.type, NEW.amount, NEW.raw_amount, NEW.currency_code,
            NEW.rate, NEW.raw_rate, NEW.base_amount, NEW.raw_base_amount, NEW.order_id, NEW.lines,
            NEW.available_at, NEW.idempotency_key, NEW.reference, NEW.reference_id, NEW.note,
            NEW.created_by, NEW.created_at, NEW.deleted_at)
           IS DISTINCT FROM
           (OLD.id, OLD.affiliate_id, OLD.type, OLD.amount, OLD.raw_amount, OLD.currency_code,
            OLD.rate, OLD.raw_rate, OLD.base_amount, OLD.raw_base_amount, OLD.order_id, OLD.lines,
            OLD.available_at, OLD.idempotency_key, OLD.reference, OLD.reference_id, OLD.note,
            OLD.created_by, OLD.created_at, OLD.deleted_at) THEN
          RAISE EXCEPTION 'affiliate_commission is append-only: entry % may change only its status', OLD.id;
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
             (OLD.status = 'pending' AND NEW.status = 'available') OR
             (OLD.status = 'available' AND NEW.status = 'requested') OR
             (OLD.status = 'requested' AND NEW.status IN ('paid', 'available'))) THEN
          RAISE EXCEPTION 'affiliate_commission entry % cannot move from % to %', OLD.id, OLD.status, NEW.status;
        END IF;
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql;
    `)
    this.addSql(`DROP TRIGGER IF EXISTS affiliate_commission_append_only ON "affiliate_commission";`)
    this.addSql(`
      CREATE TRIGGER affiliate_commission_append_only
      BEFORE UPDATE OR DELETE ON "affiliate_commission"
      FOR EACH ROW EXECUTE FUNCTION affiliate_commission_append_only();
    `)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS affiliate_commission_append_only ON "affiliate_commission";`)
    this.addSql(`DROP FUNCTION IF EXISTS affiliate_commission_append_only();`)
  }
}
