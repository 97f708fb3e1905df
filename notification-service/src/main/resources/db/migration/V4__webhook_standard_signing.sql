-- Standard Webhooks signing (issue 16, point 3). Every subscription's secret has a scheme: STANDARD secrets
-- (whsec_ + standard base64 of the key) sign webhook-signature and the legacy Stipple-Signature; the secrets made
-- before this migration are LEGACY (their text was the HMAC key of Stipple-Signature and is not a key a Standard
-- Webhooks library can decode): they keep signing Stipple-Signature exactly as before until the subscription's
-- secret is rotated. A rotation keeps the secret before it signing until previous_secret_until (the overlap window).

-- The default stays LEGACY: a row written without the column comes from an instance of the previous version (still
-- running during a rolling deployment), which makes secrets the old way. This version always names the scheme.
alter table webhook_subscription add column secret_scheme varchar(16) not null default 'LEGACY';
alter table webhook_subscription add constraint webhook_subscription_secret_scheme
    check (secret_scheme in ('STANDARD', 'LEGACY'));

alter table webhook_subscription add column previous_secret varchar(100);
alter table webhook_subscription add column previous_secret_scheme varchar(16);
alter table webhook_subscription add column previous_secret_until timestamptz;
alter table webhook_subscription add column secret_rotated_at timestamptz;
alter table webhook_subscription add constraint webhook_subscription_previous_secret
    check ((previous_secret is null) = (previous_secret_until is null)
        and (previous_secret is null) = (previous_secret_scheme is null)
        and (previous_secret_scheme is null or previous_secret_scheme in ('STANDARD', 'LEGACY')));

comment on column webhook_subscription.secret_scheme is
    'STANDARD: whsec_ + base64 key, signs webhook-signature and Stipple-Signature; LEGACY: from before, Stipple-Signature only';
comment on column webhook_subscription.previous_secret is
    'the secret before the last rotation, still signing (after the current one) until previous_secret_until';
