-- Every complaint the storm detector placed, in order, with the reading it was placed on. Each
-- instance keeps its detector in memory; before placing, it reads what the others placed since, so
-- several instances see one storm and form one incident, not one each.
create table placement (
    seq          bigserial primary key,
    complaint_id uuid   not null references complaint (id),
    language     text,
    topics       text[] not null
);
