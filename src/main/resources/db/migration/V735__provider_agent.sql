-- Agents the identity provider (OpenID Connect) has signed in, as last seen: the name that shows for
-- their past decisions, and who they are when something they left running acts for them (an
-- incident's standing decision, the on-call rota). Built-in agents live in configuration instead.
create table provider_agent (
    login    text        primary key,
    name     text        not null,
    admin    boolean     not null,
    seen_at  timestamptz not null
);
