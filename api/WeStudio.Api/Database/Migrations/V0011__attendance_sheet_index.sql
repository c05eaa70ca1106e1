-- Issue 15: the attendance sheet of an activity (GET /api/v1/activities/{id}/attendance) in pages, under 100 ms with
-- thousands of people. Its present part (everyone with a live check-in, by check-in time, then member id) is read in
-- this index's order: a page is a range of it (LIMIT/OFFSET over index entries, no sort of the sheet), and the count of
-- those present is a range count over it. InnoDB appends the primary key (id), so the page's inner read is index-only.
-- (live is check_ins' generated column: 1 while the check-in is not revoked, else NULL.)
ALTER TABLE check_ins ADD KEY check_ins_activity_sheet (activity_id, live, checked_in_at, member_id);
