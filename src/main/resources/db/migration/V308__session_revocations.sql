-- Sessions signed out on the server: a copied cookie stops working everywhere, not only in the browser
-- that signed out. Kept until the session would have expired anyway.
create table revoked_session (
    id         text primary key,
    expires_at timestamptz not null
);
create index revoked_session_expiry on revoked_session (expires_at);
