CREATE TYPE "public"."agency_kind" AS ENUM('department', 'government_office', 'township_government', 'consolidated', 'vertical_unit', 'vertical_system', 'party_organ');--> statement-breakpoint
CREATE TYPE "public"."agency_level" AS ENUM('national', 'provincial', 'prefecture', 'county', 'township');--> statement-breakpoint
CREATE TYPE "public"."agency_status" AS ENUM('active', 'merged', 'dissolved');--> statement-breakpoint
CREATE TYPE "public"."data_quality" AS ENUM('ok', 'warnings', 'errors');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('province', 'prefecture', 'county');--> statement-breakpoint
CREATE TYPE "public"."report_state" AS ENUM('draft', 'submitted', 'approved', 'scheduled', 'published');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('editor', 'approver', 'oversight', 'admin');--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"last_request" bigint NOT NULL,
	CONSTRAINT "rate_limits_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "sessions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"level" "agency_level" NOT NULL,
	"kind" "agency_kind" NOT NULL,
	"parent_id" text,
	"status" "agency_status" DEFAULT 'active' NOT NULL,
	"successor_id" text,
	"ended_on" date,
	"tracked" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"from_name" text,
	"to_name" text,
	"other_agency_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"region_code" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "cell_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"report_id" text NOT NULL,
	"cell" text,
	"section" text,
	"parent_id" text,
	"body" text NOT NULL,
	"author_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "deadline_rules" (
	"region_code" text PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"role" "member_role" NOT NULL,
	"agency_id" text,
	"region_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_rollups" (
	"metric" text NOT NULL,
	"year" smallint NOT NULL,
	"prefecture" text NOT NULL,
	"level" "agency_level" NOT NULL,
	"kind" "agency_kind" NOT NULL,
	"edition" smallint NOT NULL,
	"sum" numeric DEFAULT '0' NOT NULL,
	"blanks" integer DEFAULT 0 NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_rollups_metric_year_prefecture_level_kind_edition_pk" PRIMARY KEY("metric","year","prefecture","level","kind","edition")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"level" "region_level" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_findings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"rule_id" text NOT NULL,
	"severity" text NOT NULL,
	"finding" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_metrics" (
	"report_id" text NOT NULL,
	"metric" text NOT NULL,
	"value" numeric,
	"version_id" integer NOT NULL,
	"agency_id" text NOT NULL,
	"year" smallint NOT NULL,
	"edition" smallint NOT NULL,
	"region_code" text NOT NULL,
	"prefecture" text NOT NULL,
	"level" "agency_level" NOT NULL,
	CONSTRAINT "report_metrics_version_id_metric_pk" PRIMARY KEY("version_id","metric")
);
--> statement-breakpoint
CREATE TABLE "report_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"number" integer NOT NULL,
	"content" json NOT NULL,
	"content_hash" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text,
	"signoff" jsonb,
	"correction_reason" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quality" "data_quality" NOT NULL,
	"errors" integer NOT NULL,
	"warnings" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"year" smallint NOT NULL,
	"edition" smallint NOT NULL,
	"state" "report_state" DEFAULT 'draft' NOT NULL,
	"content" json,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"prefilled" text[] DEFAULT '{}'::text[] NOT NULL,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"publication_date" date,
	"scheduled_at" timestamp with time zone,
	"scheduled_by" text,
	"scheduled_acknowledgements" jsonb,
	"correction_reason" text,
	"errors" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"agency_id" text NOT NULL,
	"report_id" text,
	"year" smallint,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tsv" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_successor_id_agencies_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_events" ADD CONSTRAINT "agency_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_events" ADD CONSTRAINT "agency_events_other_agency_id_agencies_id_fk" FOREIGN KEY ("other_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cell_comments" ADD CONSTRAINT "cell_comments_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cell_comments" ADD CONSTRAINT "cell_comments_parent_id_cell_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."cell_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cell_comments" ADD CONSTRAINT "cell_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_regions_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_findings" ADD CONSTRAINT "report_findings_version_id_report_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."report_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "agencies_region_idx" ON "agencies" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "agencies_name_idx" ON "agencies" USING btree ("name");--> statement-breakpoint
CREATE INDEX "agency_events_agency_idx" ON "agency_events" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "cell_comments_report_idx" ON "cell_comments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_agency_idx" ON "memberships" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "report_findings_version_idx" ON "report_findings" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "report_findings_rule_idx" ON "report_findings" USING btree ("rule_id");--> statement-breakpoint
CREATE INDEX "report_metrics_metric_year_idx" ON "report_metrics" USING btree ("metric","year","prefecture");--> statement-breakpoint
CREATE UNIQUE INDEX "report_versions_report_number_uq" ON "report_versions" USING btree ("report_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_agency_year_uq" ON "reports" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "reports_year_state_idx" ON "reports" USING btree ("year","state");--> statement-breakpoint
CREATE INDEX "reports_scheduled_idx" ON "reports" USING btree ("scheduled_at");--> statement-breakpoint
CREATE INDEX "search_documents_agency_idx" ON "search_documents" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");