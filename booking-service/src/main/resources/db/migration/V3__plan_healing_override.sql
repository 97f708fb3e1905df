-- The plan's healing interval as client-service agreed it: an admin override below the minimum (with a reason, kept
-- by client-service) holds for every booking of the plan (TreatmentPlanAgreed.healingIntervalOverridden).
alter table plan_projection add column healing_interval_overridden boolean not null default false;
