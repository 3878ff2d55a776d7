-- Failed sign-ins per login and per address, shared by every instance: a guesser gets one allowance,
-- not one per instance behind the load balancer. Rows older than the window are cleared as failures come.
create table sign_in_failure (
    key        text primary key,           -- "login:kari" or "address:203.0.113.7"
    failures   int         not null,
    last_at    timestamptz not null,
    wait_until timestamptz
);
create index sign_in_failure_by_last on sign_in_failure (last_at);
