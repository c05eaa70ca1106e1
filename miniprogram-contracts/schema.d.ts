// Generated from openapi.json by `npm run generate` (openapi-typescript). Do not edit: regenerate.

export interface paths {
    "/api/v1/studios/{studioId}/achievements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's achievements, newest year first; optional year filter. 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["ListAchievements"];
        put?: never;
        /** The leader records an achievement. 400 validation_failed; 403 forbidden; 404 not_found. */
        post: operations["CreateAchievement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/achievements/{achievementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One achievement. 403 forbidden; 404 not_found. */
        get: operations["GetAchievement"];
        /** The leader replaces an achievement. 400 validation_failed; 403 forbidden; 404 not_found. */
        put: operations["UpdateAchievement"];
        post?: never;
        /** The leader deletes an achievement (kept, no longer counted). 403 forbidden; 404 not_found. */
        delete: operations["DeleteAchievement"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Activities of every studio the member belongs to, upcoming first, paged (page ≥ 1, pageSize 1–100). */
        get: operations["ListMyActivities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's activities, upcoming first, paged (page ≥ 1, pageSize 1–100, default 20). 403 forbidden; 404 not_found. */
        get: operations["ListStudioActivities"];
        put?: never;
        /** The leader schedules an activity. 400 validation_failed, sub_kind_required, sub_kind_not_allowed; 403 forbidden; 404 not_found; 422 helping_school_not_core_school. */
        post: operations["CreateActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One activity. 403 forbidden; 404 not_found. */
        get: operations["GetActivity"];
        /** The leader replaces an activity's details. 400 validation_failed, sub_kind_required, sub_kind_not_allowed; 403 forbidden; 404 not_found; 409 activity_cancelled; 422 helping_school_not_core_school. */
        put: operations["UpdateActivity"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader cancels an activity; it is kept but never counts. 400 validation_failed; 403 forbidden; 404 not_found; 409 activity_cancelled. */
        post: operations["CancelActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in member's applications, newest first, with their status and decision reason. */
        get: operations["ListMyApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{applicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One application with its reviews, decision reason and audited history, for its applicant and the admins above its host unit. 403 forbidden; 404 not_found. */
        get: operations["GetApplication"];
        /** The applicant replaces a draft's form. 400 validation_failed; 403 forbidden; 404 not_found; 409 call_closed, invalid_transition. */
        put: operations["UpdateApplication"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{applicationId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft → Submitted after the notice's eligibility rules: the refusal names the first broken rule as its code and every broken rule under errors. 403 forbidden; 404 not_found; 409 call_closed, invalid_transition; 422 branch_too_young, not_branch_secretary, leader_not_qualified, team_too_large, secretary_tenure_too_short, over_age_limit, title_too_low, too_few_merits, venue_too_small, name_not_branch, school_level_missing, no_city_master_studio, team_too_small. */
        post: operations["SubmitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{applicationId}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Gansu: an admin above the host unit records the preliminary review or the public notice (while Submitted); the committee records the expert review with defence (while Endorsed). 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition. */
        post: operations["RecordApplicationReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{applicationId}/endorse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A county/district admin above the host unit endorses (推荐) a Submitted application within its quota. 403 forbidden; 404 not_found; 409 invalid_transition, quota_exceeded, review_pending. */
        post: operations["EndorseApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{applicationId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee approves an Endorsed application: the studio is licensed (Active from licensedOn), the applicant leads it, the team gets an invitation. 400 validation_failed; 403 forbidden; 404 not_found; 409 not_endorsed, review_pending, duplicate_name. */
        post: operations["ApproveApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{applicationId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rejects with a reason the applicant sees: a Submitted application by an admin above its host unit (not recommended), an Endorsed one by the committee. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition. */
        post: operations["RejectApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/wechat-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchanges a wx.login code for a session (sns/jscode2session); creates the member on first login. 400 validation_failed; 401 wechat_code_invalid (invalid, expired or used); 503 wechat_unavailable. */
        post: operations["WeChatLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/admin-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs in a committee admin. 400 validation_failed; 401 invalid_credentials; 429 too_many_attempts with Retry-After (after 3 failures from one address that address waits 1 s, 2 s, 4 s, … up to 15 minutes; other addresses are not slowed; Auth:AdminLoginGlobalFailureCap failures per username in 15 minutes from all addresses refuse everyone). */
        post: operations["AdminLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes the bearer token at once, on every instance. 204. */
        post: operations["Logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/backbone-teachers/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members the studio trained as backbone teachers in the year. 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["ListBackboneTeachers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/backbone-teachers/{year}/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The leader marks an active member or trainee (学员) of the studio as a backbone teacher trained in the year (idempotent). 400 validation_failed; 403 forbidden; 404 not_found (studio or member of this studio). */
        put: operations["MarkBackboneTeacher"];
        post?: never;
        /** The leader removes the mark. 400 validation_failed; 403 forbidden; 404 not_found. */
        delete: operations["UnmarkBackboneTeacher"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/briefs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's published briefs, newest first, paged by cursor (limit 1–50, default 20). 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["ListStudioBriefs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/briefs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published briefs of every studio in the admin's org subtree, newest first, paged by cursor (limit 1–50); flagged=true keeps those WeChat asked to review. 400 validation_failed; 403 forbidden. */
        get: operations["ListBriefs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/brief": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brief: the leader sees the latest version, others the published one. 403 forbidden; 404 not_found. */
        get: operations["GetBrief"];
        /** The leader creates or edits the activity's brief; each save is a new version. 400 validation_failed; 403 forbidden; 404 not_found; 409 activity_cancelled. */
        put: operations["PutBrief"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/brief/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader publishes the latest version after WeChat's text check: 200 published (flaggedForReview when WeChat says review); 202 PendingReview when WeChat is unavailable (retried in the background). 403 forbidden; 404 not_found; 409 activity_cancelled; 422 content_risky. */
        post: operations["PublishBrief"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/brief/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the brief, newest first, with who saved it and when (the leader and admins above the studio). 403 forbidden; 404 not_found. */
        get: operations["ListBriefVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes/{programmeId}/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's calls with their quota use. 403 forbidden; 404 not_found. */
        get: operations["ListProgrammeCalls"];
        put?: never;
        /** The committee opens a call for a programme it owns, with its deadline, eligibility rules and quotas. 400 validation_failed; 403 forbidden; 404 not_found. */
        post: operations["CreateCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calls still open, for would-be leaders. */
        get: operations["ListOpenCalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One call with its quotas and places taken. 404 not_found. */
        get: operations["GetCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/{callId}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The call's submitted applications hosted in the admin's subtree, optionally of one status. 400 validation_failed; 404 not_found. */
        get: operations["ListCallApplications"];
        put?: never;
        /** A would-be leader starts an application (Draft). 400 validation_failed; 404 not_found; 409 call_closed, application_limit (每人限报). */
        post: operations["CreateApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A member checks in with a scanned code. 201 new; 200 the same nonce again (same body) or already checked in (alreadyCheckedIn). 400 validation_failed, token_invalid, location_required, nonce_reused; 403 not_member, out_of_range; 409 not_open, activity_cancelled; 410 token_expired; 503 checkin_unavailable. */
        post: operations["CheckIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A member checks out of an activity that tracks duration with a scanned check-out code; duration in minutes, capped at the scheduled length plus CheckIn:CheckOutAllowanceMinutes. 200 also for the same nonce again (same body). 400 validation_failed, token_invalid (also a check-in code), location_required, nonce_reused; 403 not_member, out_of_range; 409 not_open, activity_cancelled, not_tracked, not_checked_in, already_checked_out; 410 token_expired; 503 checkin_unavailable. */
        post: operations["CheckOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/pass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's rotating personal pass {token, expiresAt, refreshAfterSeconds} for a leader to scan when the member cannot scan; not cached. */
        get: operations["GetMyPass"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's own check-ins, latest first, paged (page ≥ 1, pageSize 1–100, default 20). 400 validation_failed. */
        get: operations["ListMyCheckIns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/volunteer-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's volunteer hours of a calendar year (Asia/Shanghai; year 2000–2100, default this year), per activity kind, with the activities; an activity counts once, in the year it starts. 400 validation_failed. */
        get: operations["GetMyVolunteerHours"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/volunteer-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A studio's volunteer hours of a calendar year (Asia/Shanghai; year 2000–2100, default this year) per person and per activity kind, for the leader and the admins above it. 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["GetStudioVolunteerHours"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/checkin/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader opens check-in until the end of the activity's check-in window (startsAt − checkInOpensMinutesBefore … endsAt + checkInClosesMinutesAfter). 403 forbidden; 404 not_found; 409 activity_cancelled, outside_window; 503 checkin_unavailable. */
        post: operations["OpenCheckIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/checkin/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader closes check-in; every code shown so far stops working at once. 403 forbidden; 404 not_found; 503 checkin_unavailable. */
        post: operations["CloseCheckIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/checkin/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The leader's current rotating code {token, expiresAt, refreshAfterSeconds}; not cached. 403 forbidden; 404 not_found; 409 activity_cancelled, not_open; 503 checkin_unavailable. */
        get: operations["GetCheckInCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/checkin/code.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current code as a projector-sized QR PNG (ECC M); not cached. 403 forbidden; 404 not_found; 409 activity_cancelled, not_open; 503 checkin_unavailable. */
        get: operations["GetCheckInCodePng"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/checkout/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The leader's current rotating check-out code {token, expiresAt, refreshAfterSeconds} of an activity that tracks duration; shares check-in's open state. 403 forbidden; 404 not_found; 409 activity_cancelled, not_tracked, not_open; 503 checkin_unavailable. */
        get: operations["GetCheckOutCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/checkout/code.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current check-out code as a projector-sized QR PNG (ECC M). 403 forbidden; 404 not_found; 409 activity_cancelled, not_tracked, not_open; 503 checkin_unavailable. */
        get: operations["GetCheckOutCodePng"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/checkin/scan-member": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader scans a member's pass {token} to check them in; audited. 201 new; 200 already checked in (alreadyCheckedIn). 400 validation_failed, token_invalid; 403 forbidden, not_member; 404 not_found; 409 activity_cancelled, not_open; 410 token_expired; 503 checkin_unavailable. */
        post: operations["CheckInByMemberPass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/checkout/scan-member": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader scans a member's pass {token} to check them out; audited. 400 validation_failed, token_invalid; 403 forbidden, not_member; 404 not_found; 409 activity_cancelled, not_tracked, not_open, not_checked_in, already_checked_out; 410 token_expired; 503 checkin_unavailable. */
        post: operations["CheckOutByMemberPass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/attendance/{memberId}/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The leader confirms (no checkedOutAt) or corrects {checkedOutAt, reason} a check-out, e.g. an auto-closed one; audited. 400 validation_failed; 403 forbidden; 404 not_found; 409 activity_cancelled, not_tracked, not_checked_in, not_checked_out. */
        put: operations["ReviewCheckOut"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attendance of every active person of the studio (leader included), present first by check-in time, paged (page ≥ 1, pageSize 1–500, default 100), with totals of the whole sheet; for the leader and admins above. 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["GetAttendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/checkins/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's own check-in at this activity: whether, when and how (Scan, Pass, Manual), and for an activity that tracks duration the check-out and duration. 403 not_member; 404 not_found. */
        get: operations["GetMyActivityCheckIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/attendance/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The leader marks a person present by hand {reason}; idempotent; audited. 400 validation_failed; 403 forbidden; 404 not_found, not_member; 409 activity_cancelled. */
        put: operations["MarkAttendance"];
        post?: never;
        /** The leader undoes a person's check-in {reason}; idempotent; audited. 400 validation_failed; 403 forbidden; 404 not_found, not_member; 409 activity_cancelled. */
        delete: operations["UndoAttendance"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rubrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rubrics as data: every item with its clause, source (Data/Evaluator/Mixed), scoring, bands and point ranges. */
        get: operations["ListRubrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/studios/{studioId}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's materials for the round: its members, the committee, the round's evaluators. 403 forbidden; 404 not_found. */
        get: operations["ListEvaluationMaterials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/studios/{studioId}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 反馈意见 and its acknowledgement: the studio's members and the committee. 403 forbidden; 404 not_found (also when none yet). */
        get: operations["GetEvaluationFeedback"];
        /** The committee writes (or replaces) the 反馈意见 for a studio. 400 validation_failed; 403 forbidden; 404 not_found. */
        put: operations["WriteEvaluationFeedback"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/studios/{studioId}/compilation.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's 成果汇编 for the round as DOCX: achievements, published briefs with up to 2 photos each, ledger summary; TOC and page numbers. The studio's members, the committee, the round's evaluators. 403 forbidden; 404 not_found. */
        get: operations["GetAchievementsCompilation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/studios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studios of the round: the committee and the round's evaluators only. 403 not_evaluator; 404 not_found. */
        get: operations["ListEvaluationRoundStudios"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes/{programmeId}/evaluation-rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's rounds. 403 forbidden; 404 not_found. */
        get: operations["ListEvaluationRounds"];
        put?: never;
        /** The committee opens an evaluation round. 400 validation_failed; 403 forbidden; 404 not_found. */
        post: operations["CreateEvaluationRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/evaluators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee appoints a WeChat user as an evaluator of the round. 400 validation_failed; 403 forbidden; 404 not_found; 409 round_closed. */
        post: operations["AppointEvaluator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per studio: each submitted sheet, the mean total, pass/fail, failed gates, rank. 403 forbidden; 404 not_found. */
        get: operations["GetEvaluationResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/scores.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round's score table as .xlsx: one row per studio, one column per item (mean of the evaluators), bonus, total, result, rank. 403 forbidden; 404 not_found. */
        get: operations["GetEvaluationScoreTable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Closes the round and moves studios through the lifecycle (failed MidTerm/YearlyAssessment → Rectifying; passed Final → Completed). 400 validation_failed; 403 forbidden; 404 not_found; 409 round_closed. */
        post: operations["CloseEvaluationRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/studios/{studioId}/excellent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** After a closed Final round of a scored rubric, the committee confirms 优秀 for a passed studio, with a reason. 400 validation_failed; 403 forbidden; 404 not_found; 409 round_open, not_final, not_passed. */
        post: operations["ConfirmExcellentStudio"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/evaluation-rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rounds the signed-in member is appointed to evaluate. */
        get: operations["ListMyEvaluationRounds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/studios/{studioId}/sheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evaluator's score sheet (data items live until submitted). 403 not_evaluator, studio_not_in_round; 404 not_found. */
        get: operations["GetScoreSheet"];
        /** The evaluator enters items. 400 validation_failed; 403 not_evaluator, studio_not_in_round; 404 not_found; 409 sheet_submitted, round_closed; 422 score_out_of_band, band_condition_unmet. */
        put: operations["SaveScoreSheet"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/studios/{studioId}/sheet/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The evaluator submits the sheet: frozen with its data and evidence. 403 not_evaluator, studio_not_in_round; 404 not_found; 409 sheet_incomplete, sheet_submitted, round_closed. */
        post: operations["SubmitScoreSheet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/studios/{studioId}/materials/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The leader submits a material of the round (e.g. the 3,000-character mid-term summary). 400 validation_failed; 403 forbidden; 404 not_found; 409 round_closed; 422 material_too_long. */
        put: operations["SubmitEvaluationMaterial"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation-rounds/{evaluationRoundId}/studios/{studioId}/feedback/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader acknowledges the 反馈意见. 403 forbidden; 404 not_found; 409 already_acknowledged. */
        post: operations["AcknowledgeEvaluationFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's ledger for a calendar year (default this year): every requirement and period with target, actual, status and evidence. 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["GetStudioLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Committee overview: the programme's studios in the admin's subtree with their requirement statuses for a period (YYYY or YYYY-MM), most missed first, each with its stage; filters districtId, status and stage (the studio's status); paged. 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["GetLedgerOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/ledger.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's ledger for a year as an Excel workbook (summary, activities, achievements sheets). 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["ExportStudioLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledgers of the programme's studios in the admin's subtree for a year as one Excel workbook, streamed. 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["ExportProgrammeLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/ledger/marks/{requirementId}/{periodStarts}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A committee admin above the studio marks a CommitteeMarked requirement done for the period starting on periodStarts (yyyy-MM-dd; a report received, a contact visit, 年初建账…); again replaces the note. 400 validation_failed (not a start of one of the requirement's periods, not yet begun, not CommitteeMarked); 403 forbidden; 404 not_found. */
        put: operations["MarkRequirement"];
        post?: never;
        /** Removes the committee's mark. 400 validation_failed; 403 forbidden; 404 not_found. */
        delete: operations["UnmarkRequirement"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/star-ratings/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A committee admin above the studio assigns its star rating (★1–★5) for a year with a reason (Guyuan programmes, seeds/004). 400 validation_failed; 403 forbidden; 404 not_found; 409 star_ratings_not_used (the programme's rule set is not Guyuan). */
        put: operations["RateStudio"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/star-ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's star ratings, newest year first. 403 forbidden; 404 not_found. */
        get: operations["ListStarRatings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's stage: status, licence date, build year, assessments, rectifications, acceptance, leader changes and the audited history. 403 forbidden; 404 not_found. */
        get: operations["GetStudioStage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee records a build year's assessment (合格/不合格, funding), with the ledger attached; Fail opens a rectification (Active → Rectifying). 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, already_assessed. */
        post: operations["RecordAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/rectifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee orders a rectification with a deadline and items (a failed evaluation): Active → Rectifying. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition. */
        post: operations["OpenRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/rectification/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee closes the rectification after the leader's report: Rectifying → Active. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, report_missing. */
        post: operations["CloseRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee revokes (撤销) a studio in rectification, with a reason: Rectifying → Revoked; its history stays read-only and its members can no longer check in. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition. */
        post: operations["RevokeStudio"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/acceptance/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee records the acceptance: Passed (达标结项, Active → Completed) or NotPassed (通报, with reason; the studio stays Active). 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, acceptance_missing. */
        post: operations["DecideAcceptance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/leader-change/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee approves (the roles swap) or rejects the pending leader change. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, no_pending_change, successor_not_member. */
        post: operations["DecideLeaderChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/rectification/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader submits (or replaces) the rectification report. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition. */
        post: operations["ReportRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader submits the final summary report and achievements compilation, in the cycle's last build year. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, acceptance_too_early, already_submitted. */
        post: operations["SubmitAcceptance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/leader-change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader asks the committee to hand the studio to a member (Gansu 六(一)). 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, leader_change_pending; 422 successor_not_member. */
        post: operations["RequestLeaderChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in; for a member, their studios and role in each. */
        get: operations["GetMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets the member's display name (their real name, shown on attendance lists). 400 validation_failed. */
        put: operations["UpdateMyProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/members/{memberId}/school": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Records the school (所在学校) of a person in the studio: the person themself, the studio's leader or a committee admin above the studio. The school is an org unit with no units below it, inside the subtree of the committee owning the studio's programme; it is the person's, in every studio (Liuzhou counts pairing per core member's school, seeds/000 三(二)4(3)). 400 validation_failed; 403 forbidden; 404 not_found (studio, person not in it, or org unit); 422 not_a_school, school_outside_committee. */
        put: operations["SetMemberSchool"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The admin's org subtree, parents before children. */
        get: operations["ListOrgUnits"];
        put?: never;
        /** Adds a district or school under a unit of the admin's subtree. 400 validation_failed; 403 forbidden (parent outside the subtree); 404 not_found (no such parent); 409 duplicate_name. */
        post: operations["CreateOrgUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A member uploads one JPEG, PNG or WebP photo (multipart field `file`, ≤ Photos:MaxBytes, ≤ Photos:MaxPixels); it is decoded, turned upright and re-encoded without metadata, with a thumb (short side 240 px) and a display size (long side ≤ 1,280 px). 400 validation_failed, malformed_multipart; 413 too_large; 415 unsupported_media_type; 422 too_many_pixels, corrupt_image; 503 storage_unavailable (the photo folder refused the write: nothing is saved). */
        post: operations["UploadPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{photoId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One size of the photo (size=thumb|display|original, default original) through a signed URL (size, exp, sig) handed out by the API; no Authorization needed. 304 when If-None-Match matches; 400 validation_failed (size); 403 url_invalid, url_expired; 404 not_found (also for a photo WeChat found risky, in every size). */
        get: operations["GetPhotoContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programmes owned by a unit of the admin's subtree or by one of its ancestors (a district admin sees the city's programme). */
        get: operations["ListProgrammes"];
        put?: never;
        /** Creates a programme owned by the admin's org unit. 400 validation_failed. */
        post: operations["CreateProgramme"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes/{programmeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One programme. 404 not_found; 403 forbidden. */
        get: operations["GetProgramme"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes/{programmeId}/requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's requirements (建设任务指标) in ledger order, each with its notice clause, its current target, the notice's default (noticeDefault) and whether the committee changed it (changed, lastChange). 403 forbidden; 404 not_found. */
        get: operations["ListProgrammeRequirements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes/{programmeId}/requirements/{requirementCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A committee admin of the programme's committee (its unit or above) changes one requirement's target (and points, for a scored item) on this programme, with a reason; audited (who, when, old → new) and used at once by the ledger, overview, exports and reminders. 400 validation_failed; 403 forbidden (another committee, or an admin below the programme's unit); 404 not_found, unknown_requirement; 409 requirement_has_no_target (an item the evaluator checks); 422 requirement_not_scored. */
        put: operations["UpdateProgrammeRequirement"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programmes/{programmeId}/studios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's studios hosted inside the admin's subtree. */
        get: operations["ListProgrammeStudios"];
        put?: never;
        /** Licenses a studio hosted by a unit of the admin's subtree (status Active) and returns the leader invitation. 400 validation_failed; 403 forbidden; 404 not_found; 409 duplicate_name. */
        post: operations["CreateStudio"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/progress-reports/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The leader submits (or resubmits) the year's progress report. 400 validation_failed; 403 forbidden; 404 not_found; 409 report_already_submitted (submitted and not returned). */
        put: operations["SubmitProgressReport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/progress-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's progress reports, newest year first. 403 forbidden; 404 not_found. */
        get: operations["ListProgressReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/progress-reports/{year}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An admin above the studio returns the submitted report with comments. 400 validation_failed; 403 forbidden; 404 not_found; 409 report_not_submitted. */
        post: operations["ReturnProgressReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The leader sees the studio's reminders: to whom, what happened and why (status filter, paged: page ≥ 1, pageSize 1–100). 400 validation_failed; 403 forbidden; 404 not_found. */
        get: operations["ListStudioReminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's subscribe templates with their credits and whether to ask again. */
        get: operations["GetSubscriptions"];
        put?: never;
        /** Records what wx.requestSubscribeMessage returned; each accept adds one send credit. 400 validation_failed. */
        post: operations["RecordSubscriptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities/{activityId}/reminder-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The activity's reminder options (defaults when the leader has not chosen). 403 forbidden; 404 not_found. */
        get: operations["GetActivityReminderSettings"];
        /** The leader chooses whether members are reminded when check-in opens. 400 validation_failed; 403 forbidden; 404 not_found. */
        put: operations["SetActivityReminderSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/official-account/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The follower sync Running or Paused. 404 not_found when none is. */
        get: operations["GetActiveFollowerSync"];
        put?: never;
        /** Starts a full sync of the official account's followers (user/get + batchget, resumable); 202 with its progress at Location. 409 sync_running (the running one's id in detail). */
        post: operations["StartFollowerSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/official-account/sync/{syncId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A follower sync's progress: status, total, pages, processed, linked, calls, resumeAt, lastErrcode. 404 not_found. */
        get: operations["GetFollowerSync"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's studios, or for an admin every studio hosted inside their org subtree. */
        get: operations["ListStudios"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One studio, for its members and the admins above it. 403 forbidden; 404 not_found. */
        get: operations["GetStudio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio's active people, leader first. 403 forbidden; 404 not_found. */
        get: operations["ListStudioMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The leader issues a member invitation (role Member, the default: joins the team, within its cap) or a trainee invitation (role Trainee, 学员: outside the cap). 400 validation_failed; 403 forbidden (not the leader); 404 not_found. */
        post: operations["CreateInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/leader-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An admin issues a new one-use leader invitation (7 days) for a studio without a leader, voiding earlier ones. 403 forbidden; 404 not_found; 409 leader_change_required (the studio has a leader). */
        post: operations["CreateLeaderInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Joins the studio of an invitation code. 400 validation_failed; 404 invitation_not_found; 409 invitation_expired (expired, used up or replaced), team_full, studio_inactive. */
        post: operations["JoinStudio"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studios/{studioId}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** The leader removes a member; their history stays. 400 validation_failed (the leader cannot remove themselves); 403 forbidden; 404 not_found. */
        delete: operations["RemoveStudioMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wechat/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WeChat's URL check: answers echostr when signature = SHA-1(sort(token, timestamp, nonce)). 403 signature_invalid. */
        get: operations["VerifyWeChatPushUrl"];
        put?: never;
        /** An event pushed by WeChat (plain or encrypt_type=aes; JSON or XML), de-duplicated and routed by Event; answers success. 400 bad_request; 403 signature_invalid; 413 too_large. */
        post: operations["ReceiveWeChatPush"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wechat/official-account/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WeChat's URL check of the official account's push (its own Token). 403 signature_invalid. */
        get: operations["VerifyOfficialAccountPushUrl"];
        put?: never;
        /** A subscribe/unsubscribe event of the official account (plain or aes; XML or JSON), de-duplicated; answers success. 400 bad_request; 403 signature_invalid; 413 too_large. */
        post: operations["ReceiveOfficialAccountPush"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The committee's acceptance decision; `reason` required when not passed (通报). */
        AcceptanceDecisionRequest: {
            result?: (string & components["schemas"]["AcceptanceResult"]) | null;
            reason?: string | null;
        };
        /** @description The studio's acceptance materials and result. */
        AcceptanceDto: {
            summaryReport: string;
            achievementsCompilation: string;
            links: string[];
            /** Format: date-time */
            submittedAt: string;
            result: (string & components["schemas"]["AcceptanceResult"]) | null;
            reason: string | null;
            /** Format: date-time */
            decidedAt: string | null;
        };
        /** @description The leader's acceptance materials: final summary report and achievements compilation (≤ 20,000 characters each), up to 9 https links. */
        AcceptanceRequest: {
            summaryReport: string;
            achievementsCompilation: string;
            links?: string[] | null;
        };
        /**
         * @description The committee's acceptance result: Passed (达标结项, Completed) or NotPassed (通报).
         * @enum {string}
         */
        AcceptanceResult: "Passed" | "NotPassed";
        /**
         * @description One achievement (成果) of a studio. `year`: the calendar year it counts for. `researchSubtype` is set exactly
         *     when `form` is ResearchOutput. `evidenceUrls`: links to the evidence (https, at most 9).
         */
        AchievementDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            studioId: string;
            /** @description The six forms of 成果 in the notices (Liuzhou 000 and Maoming 001, "成果形式包括但不限于"). */
            form: components["schemas"]["AchievementForm"];
            researchSubtype: (string & components["schemas"]["ResearchSubtype"]) | null;
            title: string;
            /** Format: int32 */
            year: number;
            authors: string;
            /** @description The level of recognition: 校级, 县(区)级, 市级, 省级, 国家级. */
            level: components["schemas"]["AchievementLevel"];
            evidenceUrls: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description The six forms of 成果 in the notices (Liuzhou 000 and Maoming 001, "成果形式包括但不限于").
         * @enum {string}
         */
        AchievementForm: "System" | "WorkMethodOrCase" | "IdeologicalBrand" | "PublicityPlatform" | "ResearchOutput" | "DemonstrationEffect";
        /**
         * @description The level of recognition: 校级, 县(区)级, 市级, 省级, 国家级.
         * @enum {string}
         */
        AchievementLevel: "School" | "County" | "City" | "Province" | "National";
        /**
         * @description Create or replace an achievement: `form`, `title` (≤ 200), `year` (2000–2100), `authors` (≤ 200, as printed)
         *     and `level` are required; `researchSubtype` is required for ResearchOutput and refused otherwise;
         *     `evidenceUrls`: at most 9 https links of ≤ 500 characters.
         */
        AchievementRequest: {
            form: components["schemas"]["AchievementForm"];
            researchSubtype?: (string & components["schemas"]["ResearchSubtype"]) | null;
            title: string;
            /** Format: int32 */
            year: number;
            authors: string;
            level: components["schemas"]["AchievementLevel"];
            evidenceUrls?: string[] | null;
        };
        /**
         * @description An activity of a studio. Times are UTC. Optional geofence: `latitude`/`longitude` (GCJ-02 degrees, as the
         *     mini-program's map picker gives) and `radiusMeters`. Check-in is open from `checkInOpensMinutesBefore` minutes
         *     before `startsAt` until `checkInClosesMinutesAfter` minutes after `endsAt`.
         */
        ActivityDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            studioId: string;
            studioName: string;
            /** @description Activity kinds of the notices (DESIGN.md glossary). */
            kind: components["schemas"]["ActivityKind"];
            /** @description ThreeMeetingsOneLesson only: 支部党员大会, 支委会, 党小组会 or 党课; null for other kinds (and for 三会一课 recorded before sub-kinds existed). */
            subKind: (string & components["schemas"]["ActivitySubKind"]) | null;
            title: string;
            theme: string | null;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            venueName: string | null;
            /** Format: double */
            latitude: number | null;
            /** Format: double */
            longitude: number | null;
            /** Format: int32 */
            radiusMeters: number | null;
            /** Format: int32 */
            checkInOpensMinutesBefore: number;
            /** Format: int32 */
            checkInClosesMinutesAfter: number;
            /** @description True when members check out and their duration counts as volunteer hours: every `VolunteerService`, and any activity created with `tracksDuration`. */
            tracksDuration: boolean;
            /** @description Scheduled, or Cancelled (kept, never counted). */
            status: components["schemas"]["ActivityStatus"];
            cancelledReason: string | null;
            /**
             * Format: uuid
             * @description PairingVisit only: the visited school as a unit of the org tree, or by name when it is not in the tree.
             */
            pairedSchoolOrgUnitId: string | null;
            pairedSchoolName: string | null;
            /**
             * Format: uuid
             * @description PairingVisit only: the school that helps (帮扶方), one of the core members' schools; the host unit by default.
             */
            helpingSchoolOrgUnitId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description Activity kinds of the notices (DESIGN.md glossary).
         * @enum {string}
         */
        ActivityKind: "MonthlySeminar" | "SemesterSeminar" | "TrainingLecture" | "VolunteerService" | "PairingVisit" | "ThemedPartyDay" | "ThreeMeetingsOneLesson" | "ResearchSession" | "Other";
        /** @description One page of activities: upcoming first (soonest first), then past ones (latest first). */
        ActivityPage: {
            items: components["schemas"]["ActivityDto"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            pageSize: number;
            /** Format: int32 */
            total: number;
        };
        /** @description The leader's reminder options of one activity: `checkInOpened` reminds members not yet checked in when check-in opens. */
        ActivityReminderSettings: {
            /** Format: uuid */
            activityId: string;
            checkInOpened: boolean;
        };
        /** @description Set the activity's reminder options: `checkInOpened` (required). */
        ActivityReminderSettingsRequest: {
            checkInOpened: boolean;
        };
        /**
         * @description Create or replace an activity. `kind`, `title` (≤ 100 characters), `startsAt` and `endsAt`
         *     (ISO-8601 with offset; end after start, at most 7 days long) are required. `theme` ≤ 500, `venueName` ≤ 100.
         *     `latitude`/`longitude` come together; `radiusMeters` 10–5000 needs them (default 200 when a position is given).
         *     Check-in window minutes: 0–1440 each, default 30. `tracksDuration` (default false) adds check-out and volunteer
         *     hours to an activity of another kind; a `VolunteerService` always tracks duration. PairingVisit only:
         *     `pairedSchoolOrgUnitId` (an org unit) or `pairedSchoolName` (≤ 100, when the school is not in the org tree)
         *     names the school visited; `helpingSchoolOrgUnitId` names the helping school, which must be the school of one of
         *     the studio's core members (leader or team member) or its host unit (the default): 422 helping_school_not_core_school.
         *     Other kinds refuse all three. `subKind`: required for ThreeMeetingsOneLesson (400 sub_kind_required), refused
         *     for other kinds (400 sub_kind_not_allowed).
         */
        ActivityRequest: {
            kind: components["schemas"]["ActivityKind"];
            title: string;
            theme?: string | null;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            venueName?: string | null;
            /** Format: double */
            latitude?: number | null;
            /** Format: double */
            longitude?: number | null;
            /** Format: int32 */
            radiusMeters?: number | null;
            /** Format: int32 */
            checkInOpensMinutesBefore?: number | null;
            /** Format: int32 */
            checkInClosesMinutesAfter?: number | null;
            tracksDuration?: boolean | null;
            /** Format: uuid */
            pairedSchoolOrgUnitId?: string | null;
            pairedSchoolName?: string | null;
            subKind?: (string & components["schemas"]["ActivitySubKind"]) | null;
            /** Format: uuid */
            helpingSchoolOrgUnitId?: string | null;
        };
        /**
         * @description Scheduled, or Cancelled (kept, never counted).
         * @enum {string}
         */
        ActivityStatus: "Scheduled" | "Cancelled";
        /**
         * @description The sub-kind of a `ThreeMeetingsOneLesson` activity (三会一课, 《中国共产党支部工作条例（试行）》第十九条): required
         *     for that kind, refused for every other. `BranchGeneralMeeting` 支部党员大会, `BranchCommitteeMeeting` 支委会,
         *     `PartyGroupMeeting` 党小组会, `PartyLecture` 党课.
         * @enum {string}
         */
        ActivitySubKind: "BranchGeneralMeeting" | "BranchCommitteeMeeting" | "PartyGroupMeeting" | "PartyLecture";
        /** @description A committee admin and the org unit at the top of their subtree. */
        AdminDto: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            /** Format: uuid */
            orgUnitId: string;
            orgUnitName: string;
        };
        /** @description Committee admin credentials. Username ≤ 50, password ≤ 200 characters. */
        AdminLoginRequest: {
            username: string;
            password: string;
        };
        /** @description A bearer token and its expiry (UTC), with the admin signed in. */
        AdminLoginResponse: {
            token: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description A committee admin and the org unit at the top of their subtree. */
            admin: components["schemas"]["AdminDto"];
        };
        /**
         * @description An application with its form, stage, decision and, once approved, its studio. `reviews` and `history` are filled by
         *     `GET /api/v1/applications/{id}` only (lists leave them empty).
         */
        ApplicationDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            callId: string;
            /** Format: uuid */
            applicantId: string;
            applicantName: string | null;
            /** @description An application's stage (DESIGN.md glossary): Draft → Submitted → Endorsed (推荐) → Approved / Rejected. */
            status: components["schemas"]["ApplicationStatus"];
            studioName: string;
            /** Format: uuid */
            hostOrgUnitId: string;
            hostOrgUnitName: string;
            /**
             * @description The application form (申报表). `studioName` 1–100 characters; `hostOrgUnitId` the host unit (依托单位);
             *     `team` at most 30 people; `plan` the plan and goals (≤ 5,000 characters); `merits` Gansu's ticked merits;
             *     `links` attachments as https URLs (at most 9, ≤ 500 characters each).
             */
            form: components["schemas"]["ApplicationForm"];
            /** Format: uuid */
            quotaOrgUnitId: string | null;
            /** Format: date-time */
            submittedAt: string | null;
            /** Format: date-time */
            endorsedAt: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            /** @description The committee's (or the endorsing admin's) reason; the applicant sees it. */
            decisionReason: string | null;
            /** Format: uuid */
            studioId: string | null;
            reviews: components["schemas"]["ApplicationReviewDto"][];
            history: components["schemas"]["StageTransitionDto"][];
        };
        /**
         * @description The application form (申报表). `studioName` 1–100 characters; `hostOrgUnitId` the host unit (依托单位);
         *     `team` at most 30 people; `plan` the plan and goals (≤ 5,000 characters); `merits` Gansu's ticked merits;
         *     `links` attachments as https URLs (at most 9, ≤ 500 characters each).
         */
        ApplicationForm: {
            studioName: string | null;
            /** Format: uuid */
            hostOrgUnitId: string | null;
            /**
             * @description The facts about the would-be leader and the branch that the notices check (each optional in a draft; the call's rules
             *     say which a submission needs). Dates are calendar dates.
             */
            leader: components["schemas"]["LeaderFacts"] | null;
            merits: components["schemas"]["MeritForm"][] | null;
            team: components["schemas"]["TeamMemberForm"][] | null;
            plan: string | null;
            links: string[] | null;
        };
        /** @description One recorded review stage of an application (Gansu). Dates are calendar dates. */
        ApplicationReviewDto: {
            /** @description Gansu's review stages (五(二), 五(三)): 初评, 公示, 专家评审与答辩. */
            stage: components["schemas"]["ReviewStage"];
            /** Format: date */
            startsOn: string;
            /** Format: date */
            endsOn: string;
            /** @description A review stage's outcome; for a public notice Passed means 无异议 (no objection). */
            outcome: components["schemas"]["ReviewOutcome"];
            note: string | null;
            /** Format: date-time */
            recordedAt: string;
        };
        /**
         * @description An application's stage (DESIGN.md glossary): Draft → Submitted → Endorsed (推荐) → Approved / Rejected.
         * @enum {string}
         */
        ApplicationStatus: "Draft" | "Submitted" | "Endorsed" | "Approved" | "Rejected";
        /** @description Appoint a WeChat user (考核评估组专家) as an evaluator of the round. */
        AppointEvaluatorRequest: {
            /** Format: uuid */
            memberId?: string | null;
        };
        /** @description The committee approves: `licensedOn` is the licence date (the cycle's start, Asia/Shanghai); reason optional. */
        ApproveRequest: {
            /** Format: date */
            licensedOn?: string | null;
            reason?: string | null;
        };
        /** @description What approval created: the application, the studio (the applicant its leader) and the invitation for the listed team. */
        ApprovedDto: {
            /**
             * @description An application with its form, stage, decision and, once approved, its studio. `reviews` and `history` are filled by
             *     `GET /api/v1/applications/{id}` only (lists leave them empty).
             */
            application: components["schemas"]["ApplicationDto"];
            /**
             * @description A studio with its programme, host unit, team size and leader. `memberCount` counts active members, the leader not
             *     included, against `teamCap`; `traineeCount` counts active trainees (学员), who are outside the cap.
             */
            studio: components["schemas"]["StudioDto"];
            /** @description An invitation code to hand out (shown once; only its hash is stored). `expiresAt` is UTC. */
            teamInvitation: components["schemas"]["InvitationDto"] | null;
        };
        /** @description One yearly assessment. `ledgerEvidence`: the studio ledgers of the calendar years the build year spans, as recorded. */
        AssessmentDto: {
            /** Format: uuid */
            id: string;
            /** Format: int32 */
            buildYear: number;
            /** @description A yearly assessment's result (年度考核): 合格 / 不合格. */
            result: components["schemas"]["AssessmentResult"];
            fundingDecision: (string & components["schemas"]["FundingDecision"]) | null;
            /** Format: double */
            fundingAmount: number | null;
            reason: string | null;
            /** Format: date-time */
            recordedAt: string;
            ledgerEvidence: unknown;
        };
        /**
         * @description A yearly assessment's result (年度考核): 合格 / 不合格.
         * @enum {string}
         */
        AssessmentResult: "Pass" | "Fail";
        /** @description Why attendance is changed by hand: required, ≤ 200 characters. */
        AttendanceChangeRequest: {
            reason: string;
        };
        /**
         * @description Attendance next to the brief: `members` = people in the studio now, leader included (as the attendance sheet counts);
         *     `present` = live (not undone) check-ins of the activity, scanned or marked by hand.
         */
        AttendanceDto: {
            /** Format: int32 */
            present: number;
            /** Format: int32 */
            members: number;
        };
        /**
         * @description One person's attendance at an activity. `inStudio` is false for someone who checked in and has since left the
         *     studio. `checkedInAt`, `method` and `distanceMeters` (metres to the venue, scans with a position only) are
         *     null when absent. For an activity that tracks duration: `checkedOutAt` (UTC) and `durationMinutes` once checked
         *     out, `autoClosed` when the job closed it and `reviewed` once the leader confirmed or corrected it.
         */
        AttendanceEntry: {
            /** Format: uuid */
            memberId: string;
            displayName: string | null;
            /** @enum {string} */
            role: "Leader" | "Member";
            inStudio: boolean;
            present: boolean;
            /** Format: uuid */
            checkInId: string | null;
            /** Format: date-time */
            checkedInAt: string | null;
            method: (string & components["schemas"]["CheckInMethod"]) | null;
            /** Format: double */
            distanceMeters: number | null;
            /** Format: date-time */
            checkedOutAt: string | null;
            /** Format: int32 */
            durationMinutes: number | null;
            autoClosed: boolean;
            reviewed: boolean;
        };
        /**
         * @description One page of the attendance sheet of an activity: the studio's leader and active members (plus anyone who checked in and
         *     has since left), present first by check-in time (the same instant: by member id), then absent (leader first, then by
         *     name). `totals` count the whole sheet, not the page; `page` (from 1) and `pageSize` are the request's.
         */
        AttendanceSheet: {
            /** Format: uuid */
            activityId: string;
            activityTitle: string;
            entries: components["schemas"]["AttendanceEntry"][];
            /** @description Totals of an attendance sheet: `members` listed, `present` of them, `rate` = present ÷ members (0 when none). */
            totals: components["schemas"]["AttendanceTotals"];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            pageSize: number;
        };
        /** @description Totals of an attendance sheet: `members` listed, `present` of them, `rate` = present ÷ members (0 when none). */
        AttendanceTotals: {
            /** Format: int32 */
            members: number;
            /** Format: int32 */
            present: number;
            /** Format: double */
            rate: number;
        };
        /** @description A member the studio trained as a backbone teacher (骨干教师) in `year`; `markedAt` is UTC. */
        BackboneTeacherDto: {
            /** Format: uuid */
            memberId: string;
            displayName: string | null;
            /** Format: int32 */
            year: number;
            note: string | null;
            /** Format: date-time */
            markedAt: string;
        };
        /**
         * @description A brief. The leader sees the latest version (`version` = `currentVersion`) with every photo and the last
         *     content-check result; everyone else who may read the studio sees the published version, without risky photos.
         *     `flaggedForReview`: WeChat answered `review`, the committee should read it (`flagLabel` is WeChat's label).
         */
        BriefDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            activityId: string;
            activityTitle: string;
            /** @description Activity kinds of the notices (DESIGN.md glossary). */
            activityKind: components["schemas"]["ActivityKind"];
            /** Format: date-time */
            activityStartsAt: string;
            /** Format: uuid */
            studioId: string;
            studioName: string;
            /**
             * @description Draft: never published. PendingReview: a publish waits for WeChat's text check (a background job retries while WeChat
             *     is unreachable). Published: feeds show the published version; later edits wait for the next publish.
             */
            status: components["schemas"]["BriefStatus"];
            /** Format: int32 */
            version: number;
            /** Format: int32 */
            currentVersion: number;
            /** Format: int32 */
            publishedVersion: number | null;
            hasUnpublishedChanges: boolean;
            title: string;
            theme: string | null;
            exchange: string | null;
            record: string | null;
            summary: string | null;
            photos: components["schemas"]["BriefPhotoDto"][];
            /** Format: uuid */
            editedBy: string;
            /** Format: date-time */
            editedAt: string;
            /** Format: date-time */
            firstPublishedAt: string | null;
            /** Format: date-time */
            publishedAt: string | null;
            flaggedForReview: boolean;
            /** Format: int32 */
            flagLabel: number | null;
            /**
             * @description pass, review or risky: WeChat's last verdict on a publish (leader's view only).
             * @enum {string|null}
             */
            lastCheckResult: "pass" | "review" | "risky" | null;
            /** Format: int32 */
            lastCheckLabel: number | null;
            /**
             * @description Attendance next to the brief: `members` = people in the studio now, leader included (as the attendance sheet counts);
             *     `present` = live (not undone) check-ins of the activity, scanned or marked by hand.
             */
            attendance: components["schemas"]["AttendanceDto"];
        };
        /** @description A page of a feed, newest first; pass `nextCursor` as `cursor` for the next page (null at the end). */
        BriefPage: {
            items: components["schemas"]["BriefDto"][];
            nextCursor: string | null;
        };
        /**
         * @description A photo of a brief: `url` (the original), `thumb` (short side 240 px, for the feed's grid) and `display`
         *     (long side ≤ 1,280 px, for the brief page), each signed and expiring, with `width`/`height` per size in
         *     pixels, upright. When WeChat found the photo risky every size is hidden: `url`, `thumb` and `display`
         *     are null, and only the leader sees the entry at all.
         */
        BriefPhotoDto: {
            /** Format: uuid */
            photoId: string;
            url: string | null;
            /** Format: int32 */
            width: number;
            /** Format: int32 */
            height: number;
            /** @description WeChat's verdict on a photo (media_check_async): Unchecked (WeChat not asked yet), Pending, Pass, Review, Risky (hidden). */
            mediaCheck: components["schemas"]["MediaCheckStatus"];
            /**
             * @description One size of a photo for the phone: `url` signed and expiring (Photos:UrlLifetimeMinutes, `size=thumb|display`),
             *     `width`/`height` in pixels, upright. Both sizes are JPEG: thumb has a short side of 240 px, display a long
             *     side of at most 1,280 px (neither is larger than the original). A photo stored before sizes existed serves its
             *     original (any of the three types) for both until the background backfill has made them (usually within a minute),
             *     and `width`/`height` are then the original's.
             */
            thumb: components["schemas"]["PhotoSizeDto"] | null;
            /**
             * @description One size of a photo for the phone: `url` signed and expiring (Photos:UrlLifetimeMinutes, `size=thumb|display`),
             *     `width`/`height` in pixels, upright. Both sizes are JPEG: thumb has a short side of 240 px, display a long
             *     side of at most 1,280 px (neither is larger than the original). A photo stored before sizes existed serves its
             *     original (any of the three types) for both until the background backfill has made them (usually within a minute),
             *     and `width`/`height` are then the original's.
             */
            display: components["schemas"]["PhotoSizeDto"] | null;
        };
        /**
         * @description Create or replace the brief of an activity (a new version each time; every version is kept).
         *     `title` 1–100 characters (required); `theme` (主题) ≤ 500; `exchange` (交流) ≤ 3000; `record` (记录)
         *     ≤ 5000; `summary` (小结) ≤ 2000; `photoIds` ≤ 9 distinct photos in display order, each uploaded by the caller
         *     or already in a version of this brief, none found risky by WeChat.
         */
        BriefRequest: {
            title: string;
            theme?: string | null;
            exchange?: string | null;
            record?: string | null;
            summary?: string | null;
            photoIds?: string[] | null;
        };
        /**
         * @description Draft: never published. PendingReview: a publish waits for WeChat's text check (a background job retries while WeChat
         *     is unreachable). Published: feeds show the published version; later edits wait for the next publish.
         * @enum {string}
         */
        BriefStatus: "Draft" | "PendingReview" | "Published";
        /** @description One kept version: who saved it and when (UTC). */
        BriefVersionDto: {
            /** Format: int32 */
            version: number;
            title: string;
            theme: string | null;
            exchange: string | null;
            record: string | null;
            summary: string | null;
            photoIds: string[];
            /** Format: uuid */
            editedBy: string;
            /** Format: date-time */
            editedAt: string;
        };
        /** @description A call with its quotas and, per quota unit, how many places are taken (endorsed applications). */
        CallDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            programmeName: string;
            /** @description The five studio kinds of the source notices (DESIGN.md glossary). */
            studioKind: components["schemas"]["StudioKind"];
            title: string;
            /** @description Which notice's eligibility rules a call checks (WeStudio.Api.Features.Applications.Eligibility); None checks only the form. */
            rules: components["schemas"]["CallRules"];
            /** Format: date */
            issuedOn: string;
            /** Format: date-time */
            closesAt: string;
            open: boolean;
            /** Format: int32 */
            totalQuota: number | null;
            /** Format: int32 */
            applicationsPerPerson: number;
            /** Format: int32 */
            endorsed: number;
            quotas: components["schemas"]["CallQuotaUseDto"][];
        };
        /** @description One place quota: `quota` endorsements (0–1000) for applications hosted at or below `orgUnitId`. */
        CallQuotaDto: {
            /** Format: uuid */
            orgUnitId: string;
            /** Format: int32 */
            quota: number;
        };
        /** @description One quota unit: its places and how many are taken. */
        CallQuotaUseDto: {
            /** Format: uuid */
            orgUnitId: string;
            orgUnitName: string;
            /** Format: int32 */
            quota: number;
            /** Format: int32 */
            endorsed: number;
        };
        /**
         * @description Which notice's eligibility rules a call checks (WeStudio.Api.Features.Applications.Eligibility); None checks only the form.
         * @enum {string}
         */
        CallRules: "None" | "Liuzhou" | "Gansu" | "Wenzhou";
        /** @description Why the activity is cancelled: required, ≤ 200 characters. */
        CancelActivityRequest: {
            reason: string;
        };
        /** @description The current code: show `token` as a QR code and fetch again after `refreshAfterSeconds`; `expiresAt` (UTC) is the end of its window. */
        CheckInCodeDto: {
            token: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: int32 */
            refreshAfterSeconds: number;
        };
        /**
         * @description How a check-in was made: the member scanned the rotating code, the leader marked it by hand, or the leader scanned the member's pass.
         * @enum {string}
         */
        CheckInMethod: "Scan" | "Manual" | "Pass";
        /**
         * @description A member's scan: `token` (the 32-character code), `clientNonce` (8–64 of `A–Z a–z 0–9 _ -`, new per scan,
         *     the same on a retry), and the optional position from `wx.getLocation({type: 'gcj02'})`: `latitude` −90…90,
         *     `longitude` −180…180 (together), `accuracyMeters` 0–10,000. The position is required when the activity has a venue.
         */
        CheckInRequest: {
            token: string;
            clientNonce: string;
            /** Format: double */
            latitude?: number | null;
            /** Format: double */
            longitude?: number | null;
            /** Format: double */
            accuracyMeters?: number | null;
        };
        /**
         * @description The result of a scan. `alreadyCheckedIn` is true when the member had checked in earlier with another nonce (this is
         *     that earlier check-in). `distanceMeters` is the distance to the venue when both positions are known. Times UTC.
         */
        CheckInResult: {
            /** Format: uuid */
            checkInId: string;
            /** Format: uuid */
            activityId: string;
            activityTitle: string;
            /** Format: date-time */
            checkedInAt: string;
            /** @description How a check-in was made: the member scanned the rotating code, the leader marked it by hand, or the leader scanned the member's pass. */
            method: components["schemas"]["CheckInMethod"];
            /** @description A check-in that counts (`CheckedIn`) or one the leader undid (`Revoked`). */
            status: components["schemas"]["CheckInStatus"];
            /** Format: double */
            distanceMeters: number | null;
            alreadyCheckedIn: boolean;
        };
        /**
         * @description A check-in that counts (`CheckedIn`) or one the leader undid (`Revoked`).
         * @enum {string}
         */
        CheckInStatus: "CheckedIn" | "Revoked";
        /** @description Whether check-in is open for an activity; `closesAt` (UTC) is the scheduled end while open, the moment it closed once closed. */
        CheckInStatusDto: {
            /** Format: uuid */
            activityId: string;
            open: boolean;
            /** Format: date-time */
            openedAt: string | null;
            /** Format: date-time */
            closesAt: string | null;
        };
        /**
         * @description How a check-out was made: the member scanned the check-out code, the leader scanned the member's pass, the auto-close job
         *     closed it at the scheduled end, or the leader set it by hand (a correction).
         * @enum {string}
         */
        CheckOutMethod: "Scan" | "Pass" | "Auto" | "Manual";
        /**
         * @description A member's scan of the check-out code of an activity that tracks duration; same fields and rules as WeStudio.Api.Features.CheckIns.CheckInRequest
         *     (`clientNonce` new per check-out scan, the same on a retry).
         */
        CheckOutRequest: {
            token: string;
            clientNonce: string;
            /** Format: double */
            latitude?: number | null;
            /** Format: double */
            longitude?: number | null;
            /** Format: double */
            accuracyMeters?: number | null;
        };
        /**
         * @description A check-out: the check-in it closes, `checkedOutAt` (UTC), `durationMinutes` (whole minutes, capped at the scheduled
         *     length plus the allowance), how it was made, `autoClosed` (closed by the job at the scheduled end) and `reviewed`
         *     (the leader confirmed or corrected it). `distanceMeters`: distance to the venue at check-out, when known.
         */
        CheckOutResult: {
            /** Format: uuid */
            checkInId: string;
            /** Format: uuid */
            activityId: string;
            activityTitle: string;
            /** Format: uuid */
            memberId: string;
            /** Format: date-time */
            checkedInAt: string;
            /** Format: date-time */
            checkedOutAt: string;
            /** Format: int32 */
            durationMinutes: number;
            /**
             * @description How a check-out was made: the member scanned the check-out code, the leader scanned the member's pass, the auto-close job
             *     closed it at the scheduled end, or the leader set it by hand (a correction).
             */
            method: components["schemas"]["CheckOutMethod"];
            autoClosed: boolean;
            reviewed: boolean;
            /** Format: double */
            distanceMeters: number | null;
        };
        /**
         * @description The leader confirms a check-out (`checkedOutAt` null: keep the time, e.g. an auto-closed one) or corrects it
         *     (`checkedOutAt`, UTC ISO-8601, not before the check-in); `reason` required, ≤ 200 characters. Audited.
         */
        CheckOutReviewRequest: {
            /** Format: date-time */
            checkedOutAt?: string | null;
            reason: string;
        };
        /** @description Close the round: failed MidTerm/YearlyAssessment studios go to Rectifying with this `rectificationDeadline` (a local date after today). */
        CloseRoundRequest: {
            /** Format: date */
            rectificationDeadline?: string | null;
        };
        /**
         * @description Committee request to open a call for a programme it owns. `issuedOn`: the notice's date (ages and tenures are
         *     counted on it); `closesAt`: the instant applications close, UTC (Liuzhou "9月15日前", Wenzhou "6月22日前" are the
         *     programme's data); `totalQuota`: places in all (optional); `applicationsPerPerson`: 1–10 (Liuzhou 1,
         *     "每人限报1个"); `quotas`: places per county/district or directly-run unit, each unit in the admin's subtree.
         */
        CreateCallRequest: {
            title: string;
            rules: components["schemas"]["CallRules"];
            /** Format: date */
            issuedOn: string;
            /** Format: date-time */
            closesAt: string;
            /** Format: int32 */
            totalQuota?: number | null;
            /** Format: int32 */
            applicationsPerPerson: number;
            quotas?: components["schemas"]["CallQuotaDto"][] | null;
        };
        /**
         * @description Leader request for an invitation: `maxUses` 1–100, `expiresInHours` 1–720 (30 days); `role` Member (the
         *     default: joins the team, refused with team_full at the cap) or Trainee (学员, outside the cap).
         */
        CreateInvitationRequest: {
            /** Format: int32 */
            maxUses: number;
            /** Format: int32 */
            expiresInHours: number;
            /** @enum {string|null} */
            role?: "Member" | "Trainee" | null;
        };
        /** @description Request to add a unit under `parentId`, which must lie in the admin's subtree. Name: 1–100 characters, unique among its siblings. */
        CreateOrgUnitRequest: {
            name: string;
            /** Format: uuid */
            parentId: string;
        };
        /**
         * @description Request to create a programme; it belongs to the admin's own org unit. Name ≤ 100, issuer ≤ 100 characters; every field
         *     required but `ruleSet`, which defaults by studio kind (BranchSecretary: LiuzhouBranchSecretary; PartyBuildingMaster:
         *     Liuzhou; DualLeader: Maoming; PioneerMember: Wenzhou; DualExcellence: Gansu; Guyuan is named explicitly).
         */
        CreateProgrammeRequest: {
            name: string;
            issuer: string;
            studioKind: components["schemas"]["StudioKind"];
            /** Format: int32 */
            cycleYears: number;
            /** Format: date */
            startsOn: string;
            /** Format: int32 */
            teamCap: number;
            ruleSet?: (string & components["schemas"]["RuleSet"]) | null;
        };
        /**
         * @description Open a round: `kind`, `rubric` (a code of `GET /api/v1/rubrics`), `title` (≤ 200), the window
         *     `opensAt`–`closesAt` (UTC instants), and the `materials` the leader submits (defaults: the rubric's, e.g. the
         *     Liuzhou mid-term 3,000-character summary; each ≤ 20,000 characters).
         */
        CreateRoundRequest: {
            kind: components["schemas"]["EvaluationKind"];
            rubric: string;
            title: string;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            materials?: components["schemas"]["MaterialSpec"][] | null;
        };
        /** @description Admin request to license a studio in a programme. Name 1–100 characters, unique in the programme; host unit in the admin's subtree. */
        CreateStudioRequest: {
            name: string;
            /** Format: uuid */
            hostOrgUnitId: string;
        };
        /** @description The new studio and the one-use invitation its leader joins with (valid 7 days). */
        CreatedStudioDto: {
            /**
             * @description A studio with its programme, host unit, team size and leader. `memberCount` counts active members, the leader not
             *     included, against `teamCap`; `traineeCount` counts active trainees (学员), who are outside the cap.
             */
            studio: components["schemas"]["StudioDto"];
            /** @description An invitation code to hand out (shown once; only its hash is stored). `expiresAt` is UTC. */
            leaderInvitation: components["schemas"]["InvitationDto"];
        };
        /** @description What WeStudio computed for a Data or Mixed item: the measured value, the points it earns (Data Points items), and the evidence as text. */
        DataValue: {
            /** Format: double */
            value: number | null;
            /** Format: double */
            points: number | null;
            text: string;
            evidence: string[];
        };
        /**
         * @description The kinds of evaluation round in the notices: 中期评估 (Liuzhou 000 二), 年度考核 (Maoming 001), 验收/考核评价 at the end (all).
         * @enum {string}
         */
        EvaluationKind: "MidTerm" | "YearlyAssessment" | "Final";
        /** @description The committee confirms 优秀 for a studio: `reason` (≤ 500). */
        ExcellentRequest: {
            reason?: string | null;
        };
        /** @description 反馈意见 of one studio in one round, and when the leader acknowledged it. */
        FeedbackDto: {
            /** Format: uuid */
            roundId: string;
            /** Format: uuid */
            studioId: string;
            body: string;
            /** Format: date-time */
            writtenAt: string;
            /** Format: uuid */
            acknowledgedBy: string | null;
            /** Format: date-time */
            acknowledgedAt: string | null;
        };
        /** @description The committee's 反馈意见 (≤ 5000). */
        FeedbackRequest: {
            body?: string | null;
        };
        /**
         * @description The progress of one full sync of the official account's followers (`POST /api/v1/admin/official-account/sync`):
         *     `total` followers WeChat counts (null before the first page), `pages` of user/get done, `processed` openids
         *     looked up with batchget, of which `linked` had a unionid (recorded) and `withoutUnionId` had none (the account is not
         *     bound to the Open Platform, or WeChat withheld it); `calls` made to WeChat; `takeovers`: times a runner resumed
         *     it after another stopped (killed, redeployed); `lastErrcode`/`lastError` of the last WeChat failure. Times UTC.
         */
        FollowerSyncDto: {
            /** Format: uuid */
            id: string;
            /** @description Where a follower sync stands: `Running` (or waiting for a runner), `Paused` until `resumeAt` (a quota or a WeChat fault), `Completed`, `Failed` (see `lastErrcode`). */
            status: components["schemas"]["FollowerSyncStatus"];
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: int32 */
            total: number | null;
            /** Format: int32 */
            pages: number;
            /** Format: int32 */
            processed: number;
            /** Format: int32 */
            linked: number;
            /** Format: int32 */
            withoutUnionId: number;
            /** Format: int32 */
            calls: number;
            /** Format: int32 */
            takeovers: number;
            /** Format: date-time */
            resumeAt: string | null;
            /** Format: int32 */
            lastErrcode: number | null;
            lastError: string | null;
        };
        /**
         * @description Where a follower sync stands: `Running` (or waiting for a runner), `Paused` until `resumeAt` (a quota or a WeChat fault), `Completed`, `Failed` (see `lastErrcode`).
         * @enum {string}
         */
        FollowerSyncStatus: "Running" | "Paused" | "Completed" | "Failed";
        /**
         * @description The funding decision tied to an assessment (Maoming: "考核合格的，拨付下一年度建设经费").
         * @enum {string}
         */
        FundingDecision: "Granted" | "Withheld";
        /** @description An invitation code to hand out (shown once; only its hash is stored). `expiresAt` is UTC. */
        InvitationDto: {
            code: string;
            /**
             * @description A person's role in one studio. Leader (主持人/负责人/领衔人) and Member (成员) make the team, whose members count
             *     against the programme's cap; a Trainee (学员) is someone the studio cultivates (Liuzhou 骨干教师, Wenzhou 学员): outside
             *     the cap, joins by a trainee invitation, checks in, may be marked a backbone teacher.
             */
            role: components["schemas"]["StudioRole"];
            /** Format: date-time */
            expiresAt: string;
            /** Format: int32 */
            maxUses: number;
        };
        /**
         * @description How an item counts: `Points` (a band A/B and points inside its range, or points computed from data); `Gate`
         *     (必备项: failing it fails the sheet whatever the total); `Bonus` (加分: fixed points when it applies, capped per rubric);
         *     `Check` (a checklist line, 达标/未达标 with feedback, no points); `PassFail` (合格/不合格 with a reason).
         * @enum {string}
         */
        ItemScoring: "Points" | "Gate" | "Bonus" | "Check" | "PassFail";
        /**
         * @description Who scores an item: WeStudio from the ledger (`Data`), the evaluator (`Evaluator`), or the evaluator with the data shown as evidence (`Mixed`).
         * @enum {string}
         */
        ItemSource: "Data" | "Evaluator" | "Mixed";
        /** @description A member joins a studio with a code from a leader (or, for a leader invitation, from an admin). */
        JoinStudioRequest: {
            code: string;
        };
        /** @description What joining did: the studio and the role the member now holds there. */
        JoinedStudioDto: {
            /**
             * @description A studio with its programme, host unit, team size and leader. `memberCount` counts active members, the leader not
             *     included, against `teamCap`; `traineeCount` counts active trainees (学员), who are outside the cap.
             */
            studio: components["schemas"]["StudioDto"];
            /**
             * @description A person's role in one studio. Leader (主持人/负责人/领衔人) and Member (成员) make the team, whose members count
             *     against the programme's cap; a Trainee (学员) is someone the studio cultivates (Liuzhou 骨干教师, Wenzhou 学员): outside
             *     the cap, joins by a trainee invitation, checks in, may be marked a backbone teacher.
             */
            role: components["schemas"]["StudioRole"];
        };
        /** @description Hours of one activity kind: `activities` counted (distinct activities), `minutes` summed, `hours` = minutes ÷ 60 rounded to 2 places. */
        KindHours: {
            /** @description Activity kinds of the notices (DESIGN.md glossary). */
            kind: components["schemas"]["ActivityKind"];
            /** Format: int32 */
            activities: number;
            /** Format: int32 */
            minutes: number;
            /** Format: double */
            hours: number;
        };
        /** @description The committee approves or rejects the pending leader change, with a reason (required when rejecting). */
        LeaderChangeDecisionRequest: {
            approve?: boolean | null;
            reason?: string | null;
        };
        /** @description A leader change request and its decision. */
        LeaderChangeDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            fromMemberId: string;
            /** Format: uuid */
            toMemberId: string;
            reason: string;
            status: string;
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            decisionReason: string | null;
        };
        /** @description The leader asks to hand the studio to `successorId`, an active member, with a reason (Gansu 六(一)). */
        LeaderChangeRequest: {
            /** Format: uuid */
            successorId: string;
            reason: string;
        };
        /**
         * @description The facts about the would-be leader and the branch that the notices check (each optional in a draft; the call's rules
         *     say which a submission needs). Dates are calendar dates.
         */
        LeaderFacts: {
            /**
             * Format: date
             * @description Liuzhou 名师党支部书记工作室: the branch applying was founded on this date (≥ 3 years before the call).
             */
            branchFoundedOn: string | null;
            /** @description Liuzhou: the applicant is the secretary of the applying branch. */
            isBranchSecretary: boolean | null;
            /** @description Liuzhou 党建名师工作室: has served as a branch secretary. */
            hasServedAsBranchSecretary: boolean | null;
            /** @description Liuzhou 党建名师工作室: is a 思想政治课 teacher. */
            isIdeologyTeacher: boolean | null;
            /**
             * Format: date
             * @description Gansu: branch secretary since this date (≥ 3 years before the call).
             */
            secretarySince: string | null;
            /**
             * Format: date
             * @description Gansu: date of birth (age ≤ 50, ≤ 45 in universities, on the call's date).
             */
            birthDate: string | null;
            /** @description Gansu: professional title (中级 or above; 副高 or above in universities). */
            title: (string & components["schemas"]["ProfessionalTitle"]) | null;
            /** @description Gansu: university or school, which decides the age limit, the title and the list of merits. */
            schoolLevel: (string & components["schemas"]["SchoolLevel"]) | null;
            /** @description Gansu: the branch's full name, which the studio is named after (六(一) "以支部全称命名"). */
            branchFullName: string | null;
            /**
             * Format: double
             * @description Gansu: the venue the school provides, in square metres (≥ 15).
             */
            venueSquareMetres: number | null;
            /** @description Wenzhou: the 市名师工作室 (or 工作站, 送教工作室) the applicant already leads; null or empty when none. */
            cityMasterStudio: string | null;
        };
        /**
         * @description One requirement in one period. `starts`/`ends`: local dates, ends exclusive. `actual`: the count (a
         *     fraction for AttendanceRate); null for an item the evaluator checks with nothing measured. `points`: for a scored
         *     requirement, the points the count earns (see WeStudio.Api.Features.Ledger.RequirementDto), else null. `reason` explains
         *     NotApplicable, EvaluatorChecked and Deducted. `target`: the cell's own target where it depends on the studio
         *     (PairedSchoolsPerCoreSchool: the number of its core members' schools, `actual` how many paired), else null.
         */
        LedgerCell: {
            period: string;
            /** Format: date */
            starts: string;
            /** Format: date */
            ends: string;
            /** Format: double */
            actual: number | null;
            /**
             * @description Status of one requirement in one period. Met: the target is reached. OnTrack: not yet reached, the period has not
             *     started or less than half of it is gone and at least 10 days are left. AtRisk: not reached, more than half of the
             *     period gone or fewer than 10 days left. Missed: the period ended without the target. NotApplicable: the period ended
             *     before the studio was licensed (or before the programme started), or began after the cycle ended.
             *     EvaluatorChecked: an item the evaluator scores on site; never judged by WeStudio (a measured figure may be shown).
             *     Deducted: a scored item (points) whose period ended below the target: it earned fewer points, it did not fail.
             */
            status: components["schemas"]["LedgerStatus"];
            reason: string | null;
            evidence: components["schemas"]["LedgerEvidence"][];
            /** Format: double */
            points: number | null;
            /** Format: int32 */
            target: number | null;
        };
        /**
         * @description One thing that counts toward a cell: `type` Activity, Achievement, ProgressReport, BackboneTeacher, CommitteeMark,
         *     Attendance, Figure (a measured figure, id empty), School (a core member's school and whether it paired) or
         *     MemberWithoutSchool (a core member with no school recorded); `date` local (Asia/Shanghai) when it has one.
         */
        LedgerEvidence: {
            /** @enum {string} */
            type: "Activity" | "BackboneTeacher" | "Achievement" | "ProgressReport" | "CommitteeMark" | "Attendance" | "Figure" | "School" | "MemberWithoutSchool";
            /** Format: uuid */
            id: string;
            title: string;
            /** Format: date */
            date: string | null;
        };
        /** @description A requirement with its cells for the year. */
        LedgerLine: {
            /** Format: uuid */
            requirementId: string;
            code: string;
            title: string;
            clause: string;
            note: string | null;
            /** @description What a requirement counts (建设任务指标). */
            counts: components["schemas"]["RequirementCounts"];
            /**
             * @description The period a requirement is counted over, in Asia/Shanghai. A notice's "每年…" (a yearly target) is owed per
             *     WeStudio.Api.Features.Ledger.RequirementPeriod.BuildYear; an explicit calendar deadline ("每年12月底前") is a WeStudio.Api.Features.Ledger.RequirementPeriod.CalendarYear.
             */
            period: components["schemas"]["RequirementPeriod"];
            /** Format: int32 */
            targetMin: number;
            /** Format: int32 */
            targetMax: number | null;
            /** Format: double */
            targetRate: number | null;
            /** Format: double */
            pointsAtTarget: number | null;
            /** Format: double */
            pointsPerUnit: number | null;
            /** Format: double */
            pointsMax: number | null;
            cells: components["schemas"]["LedgerCell"][];
        };
        /** @description A committee's mark on a requirement for one period (counts CommitteeMarked). `periodStarts`: the period's first local day; `markedAt` UTC. */
        LedgerMarkDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            studioId: string;
            /** Format: uuid */
            requirementId: string;
            requirementCode: string;
            /** Format: date */
            periodStarts: string;
            note: string | null;
            /** Format: uuid */
            markedBy: string;
            /** Format: date-time */
            markedAt: string;
        };
        /**
         * @description The committee overview of a programme for a period (`YYYY` or `YYYY-MM`): the ledger as of the period's end
         *     (or now, if sooner), one row per studio of the admin's subtree, most missed first; paged.
         */
        LedgerOverviewDto: {
            /** Format: uuid */
            programmeId: string;
            programmeName: string;
            period: string;
            /** Format: date-time */
            asOf: string;
            requirements: components["schemas"]["RequirementDto"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            pageSize: number;
            /** Format: int32 */
            total: number;
            items: components["schemas"]["OverviewRow"][];
            /** @description Guyuan programmes: the star-rating shares of the listed studios (all pages) for the year against the notice's targets; null otherwise. */
            starShares: components["schemas"]["StarShareDto"][] | null;
        };
        /**
         * @description Status of one requirement in one period. Met: the target is reached. OnTrack: not yet reached, the period has not
         *     started or less than half of it is gone and at least 10 days are left. AtRisk: not reached, more than half of the
         *     period gone or fewer than 10 days left. Missed: the period ended without the target. NotApplicable: the period ended
         *     before the studio was licensed (or before the programme started), or began after the cycle ended.
         *     EvaluatorChecked: an item the evaluator scores on site; never judged by WeStudio (a measured figure may be shown).
         *     Deducted: a scored item (points) whose period ended below the target: it earned fewer points, it did not fail.
         * @enum {string}
         */
        LedgerStatus: "Met" | "OnTrack" | "AtRisk" | "Missed" | "NotApplicable" | "EvaluatorChecked" | "Deducted";
        /** @description How many cells have each status. */
        LedgerStatusCounts: {
            /** Format: int32 */
            met: number;
            /** Format: int32 */
            onTrack: number;
            /** Format: int32 */
            atRisk: number;
            /** Format: int32 */
            missed: number;
            /** Format: int32 */
            notApplicable: number;
            /** Format: int32 */
            evaluatorChecked: number;
            /** Format: int32 */
            deducted: number;
        };
        /** @description Optional note on the training (≤ 200 characters). */
        MarkBackboneTeacherRequest: {
            note?: string | null;
        };
        /** @description Request to mark a requirement done for a period: an optional note ≤ 200 characters (what was received, where the visit went). */
        MarkRequirementRequest: {
            note?: string | null;
        };
        /** @description A submitted material. */
        MaterialDto: {
            code: string;
            body: string;
            /** Format: int32 */
            chars: number;
            /** Format: uuid */
            submittedBy: string;
            /** Format: date-time */
            submittedAt: string;
        };
        /** @description Submit (or replace) a material: `body` up to the round's limit for it. */
        MaterialRequest: {
            body?: string | null;
        };
        /** @description A material the leader submits for a round, with its length limit in characters. */
        MaterialSpec: {
            code: string;
            title: string;
            /** Format: int32 */
            maxChars: number;
        };
        /** @description Who is signed in: `kind` Member (with `member` and `studios`) or Admin (with `admin`). */
        MeResponse: {
            /** @description Who a session belongs to: a WeChat member or a committee admin. */
            kind: components["schemas"]["SubjectKind"];
            /**
             * @description A member as they see themselves. `displayName` is null until set (WeChat no longer hands out nicknames).
             *     `followsOfficialAccount`: their unionid is linked to a follower of the official account, so reminders without a
             *     subscribe credit can still reach them as template messages (false: not following, or no unionid is known).
             */
            member: components["schemas"]["MemberDto"] | null;
            /** @description A committee admin and the org unit at the top of their subtree. */
            admin: components["schemas"]["AdminDto"] | null;
            studios: components["schemas"]["MyStudioDto"][];
        };
        /**
         * @description WeChat's verdict on a photo (media_check_async): Unchecked (WeChat not asked yet), Pending, Pass, Review, Risky (hidden).
         * @enum {string}
         */
        MediaCheckStatus: "Unchecked" | "Pending" | "Pass" | "Review" | "Risky";
        /**
         * @description A member as they see themselves. `displayName` is null until set (WeChat no longer hands out nicknames).
         *     `followsOfficialAccount`: their unionid is linked to a follower of the official account, so reminders without a
         *     subscribe credit can still reach them as template messages (false: not following, or no unionid is known).
         */
        MemberDto: {
            /** Format: uuid */
            id: string;
            displayName: string | null;
            followsOfficialAccount: boolean;
        };
        /** @description A bearer token for `Authorization: Bearer …` and its expiry (UTC), with the member signed in. */
        MemberLoginResponse: {
            token: string;
            /** Format: date-time */
            expiresAt: string;
            /**
             * @description A member as they see themselves. `displayName` is null until set (WeChat no longer hands out nicknames).
             *     `followsOfficialAccount`: their unionid is linked to a follower of the official account, so reminders without a
             *     subscribe credit can still reach them as template messages (false: not following, or no unionid is known).
             */
            member: components["schemas"]["MemberDto"];
        };
        /** @description The leader's scan of a member's pass: `token` is the 32-character code from `GET /api/v1/me/pass`. */
        MemberScanRequest: {
            token: string;
        };
        /** @description A person of a studio with their school: `schoolOrgUnitId`/`schoolName` null when none is recorded. */
        MemberSchoolDto: {
            /** Format: uuid */
            memberId: string;
            displayName: string | null;
            /** Format: uuid */
            schoolOrgUnitId: string | null;
            schoolName: string | null;
        };
        /** @description One person's hours in a studio's year; `inStudio` is false for someone who has since left. */
        MemberVolunteerHours: {
            /** Format: uuid */
            memberId: string;
            displayName: string | null;
            inStudio: boolean;
            /** Format: int32 */
            minutes: number;
            /** Format: double */
            hours: number;
            byKind: components["schemas"]["KindHours"][];
        };
        /** @description One of Gansu's six merits (1–6 of the list for the applicant's school level), ticked with its evidence (≤ 500 characters). */
        MeritForm: {
            /** Format: int32 */
            number: number | null;
            evidence: string | null;
        };
        /**
         * @description The member's own check-in at one activity: the page a member opens when the network dropped after scanning.
         *     `checkedIn`: the member has a live check-in (not undone); then `checkInId`, `checkedInAt` (UTC), how
         *     (`method`: Scan, Pass, Manual) and `distanceMeters` (scans with a position only). `tracksDuration`: the
         *     activity has a check-out (volunteer service); once checked out, `checkedOutAt` (UTC), `checkOutMethod`,
         *     `durationMinutes` (whole minutes, capped) and `autoClosed`. Fields that do not apply are null.
         */
        MyActivityCheckIn: {
            /** Format: uuid */
            activityId: string;
            activityTitle: string;
            tracksDuration: boolean;
            checkedIn: boolean;
            /** Format: uuid */
            checkInId: string | null;
            /** Format: date-time */
            checkedInAt: string | null;
            method: (string & components["schemas"]["CheckInMethod"]) | null;
            /** Format: double */
            distanceMeters: number | null;
            /** Format: date-time */
            checkedOutAt: string | null;
            checkOutMethod: (string & components["schemas"]["CheckOutMethod"]) | null;
            /** Format: int32 */
            durationMinutes: number | null;
            autoClosed: boolean;
        };
        /** @description One of the member's own check-ins (live ones only), with its activity. */
        MyCheckIn: {
            /** Format: uuid */
            checkInId: string;
            /** Format: uuid */
            activityId: string;
            activityTitle: string;
            /** Format: uuid */
            studioId: string;
            studioName: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            checkedInAt: string;
            /** @description How a check-in was made: the member scanned the rotating code, the leader marked it by hand, or the leader scanned the member's pass. */
            method: components["schemas"]["CheckInMethod"];
            /** Format: double */
            distanceMeters: number | null;
        };
        /** @description A page of the member's check-ins, latest first. */
        MyCheckInPage: {
            items: components["schemas"]["MyCheckIn"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            pageSize: number;
            /** Format: int32 */
            total: number;
        };
        /** @description One studio of the signed-in member and their role there. */
        MyStudioDto: {
            /** Format: uuid */
            studioId: string;
            name: string;
            /**
             * @description A person's role in one studio. Leader (主持人/负责人/领衔人) and Member (成员) make the team, whose members count
             *     against the programme's cap; a Trainee (学员) is someone the studio cultivates (Liuzhou 骨干教师, Wenzhou 学员): outside
             *     the cap, joins by a trainee invitation, checks in, may be marked a backbone teacher.
             */
            role: components["schemas"]["StudioRole"];
            /** @description Studio lifecycle (DESIGN.md glossary): Applied → Approved → Active → Completed, with Rectifying, Rejected, Revoked. */
            status: components["schemas"]["StudioStatus"];
            programmeName: string;
        };
        /** @description One checked-out activity of the member that counts; times UTC, `startsAt` decides the year. */
        MyVolunteerActivity: {
            /** Format: uuid */
            activityId: string;
            activityTitle: string;
            /** Format: uuid */
            studioId: string;
            studioName: string;
            /** @description Activity kinds of the notices (DESIGN.md glossary). */
            kind: components["schemas"]["ActivityKind"];
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            checkedInAt: string;
            /** Format: date-time */
            checkedOutAt: string;
            /** Format: int32 */
            durationMinutes: number;
            autoClosed: boolean;
        };
        /** @description The member's volunteer hours of one Asia/Shanghai calendar year, per activity kind, with the activities (latest first). */
        MyVolunteerHours: {
            /** Format: int32 */
            year: number;
            /** Format: int32 */
            minutes: number;
            /** Format: double */
            hours: number;
            byKind: components["schemas"]["KindHours"][];
            activities: components["schemas"]["MyVolunteerActivity"][];
        };
        /** @description The committee orders a rectification outside a yearly assessment (a failed evaluation): deadline, items, reason. */
        OpenRectificationRequest: {
            /** Format: date */
            deadline?: string | null;
            requiredItems?: string[] | null;
            reason?: string | null;
        };
        /** @description One unit of the organisation tree: committee → county/district → school. `depth` is 0 at the root. */
        OrgUnitDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            parentId: string | null;
            /** Format: int32 */
            depth: number;
        };
        /** @description One requirement of one studio in the overview: the status of the period holding the reference date, and the periods missed so far in the year. */
        OverviewRequirementStatus: {
            code: string;
            /**
             * @description Status of one requirement in one period. Met: the target is reached. OnTrack: not yet reached, the period has not
             *     started or less than half of it is gone and at least 10 days are left. AtRisk: not reached, more than half of the
             *     period gone or fewer than 10 days left. Missed: the period ended without the target. NotApplicable: the period ended
             *     before the studio was licensed (or before the programme started), or began after the cycle ended.
             *     EvaluatorChecked: an item the evaluator scores on site; never judged by WeStudio (a measured figure may be shown).
             *     Deducted: a scored item (points) whose period ended below the target: it earned fewer points, it did not fail.
             */
            status: components["schemas"]["LedgerStatus"];
            /** Format: int32 */
            missedPeriods: number;
        };
        /** @description One studio of the committee overview. `districtName`: the host school's parent unit. */
        OverviewRow: {
            /** Format: uuid */
            studioId: string;
            studioName: string;
            hostOrgUnitName: string;
            /** @description The studio's stage (issue 13); the overview filters by it with `stage`. */
            status: components["schemas"]["StudioStatus"];
            /** Format: uuid */
            districtId: string | null;
            districtName: string | null;
            /** Format: int32 */
            missed: number;
            /** @description How many cells have each status. */
            totals: components["schemas"]["LedgerStatusCounts"];
            requirements: components["schemas"]["OverviewRequirementStatus"][];
        };
        /**
         * @description An uploaded photo: `url` is the original's signed URL (`size=original`, expires after Photos:UrlLifetimeMinutes);
         *     `width`/`height` in pixels, upright (the EXIF orientation applied to the pixels); `bytes` and
         *     `sha256` (hex) of the stored original, re-encoded without metadata; `thumb` and `display` the sizes
         *     the feed shows.
         */
        PhotoDto: {
            /** Format: uuid */
            photoId: string;
            url: string;
            /** Format: int32 */
            width: number;
            /** Format: int32 */
            height: number;
            /** Format: int32 */
            bytes: number;
            sha256: string;
            contentType: string;
            /** @description WeChat's verdict on a photo (media_check_async): Unchecked (WeChat not asked yet), Pending, Pass, Review, Risky (hidden). */
            mediaCheck: components["schemas"]["MediaCheckStatus"];
            /**
             * @description One size of a photo for the phone: `url` signed and expiring (Photos:UrlLifetimeMinutes, `size=thumb|display`),
             *     `width`/`height` in pixels, upright. Both sizes are JPEG: thumb has a short side of 240 px, display a long
             *     side of at most 1,280 px (neither is larger than the original). A photo stored before sizes existed serves its
             *     original (any of the three types) for both until the background backfill has made them (usually within a minute),
             *     and `width`/`height` are then the original's.
             */
            thumb: components["schemas"]["PhotoSizeDto"];
            /**
             * @description One size of a photo for the phone: `url` signed and expiring (Photos:UrlLifetimeMinutes, `size=thumb|display`),
             *     `width`/`height` in pixels, upright. Both sizes are JPEG: thumb has a short side of 240 px, display a long
             *     side of at most 1,280 px (neither is larger than the original). A photo stored before sizes existed serves its
             *     original (any of the three types) for both until the background backfill has made them (usually within a minute),
             *     and `width`/`height` are then the original's.
             */
            display: components["schemas"]["PhotoSizeDto"];
        };
        /**
         * @description One size of a photo for the phone: `url` signed and expiring (Photos:UrlLifetimeMinutes, `size=thumb|display`),
         *     `width`/`height` in pixels, upright. Both sizes are JPEG: thumb has a short side of 240 px, display a long
         *     side of at most 1,280 px (neither is larger than the original). A photo stored before sizes existed serves its
         *     original (any of the three types) for both until the background backfill has made them (usually within a minute),
         *     and `width`/`height` are then the original's.
         */
        PhotoSizeDto: {
            url: string;
            /** Format: int32 */
            width: number;
            /** Format: int32 */
            height: number;
        };
        /**
         * @description Every refusal code the API sends (`x-problem-codes`: its HTTP statuses and the Chinese message the app shows).
         * @enum {string}
         */
        ProblemCode: "validation_failed" | "malformed_json" | "bad_request" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "too_large" | "unsupported_media_type" | "rate_limited" | "cancelled" | "internal_error" | "service_unavailable" | "database_unavailable" | "storage_unavailable" | "database_busy" | "cache_unavailable" | "wechat_code_invalid" | "invalid_credentials" | "too_many_attempts" | "wechat_unavailable" | "wechat_error" | "token_invalid" | "token_expired" | "location_required" | "nonce_reused" | "not_member" | "out_of_range" | "not_open" | "outside_window" | "activity_cancelled" | "not_tracked" | "not_checked_in" | "already_checked_out" | "not_checked_out" | "checkin_unavailable" | "duplicate_name" | "invitation_not_found" | "invitation_expired" | "studio_inactive" | "team_full" | "corrupt_image" | "too_many_pixels" | "malformed_multipart" | "url_invalid" | "url_expired" | "content_risky" | "report_already_submitted" | "report_not_submitted" | "signature_invalid" | "invalid_transition" | "call_closed" | "application_limit" | "quota_exceeded" | "review_pending" | "not_endorsed" | "already_assessed" | "report_missing" | "acceptance_too_early" | "acceptance_missing" | "already_submitted" | "leader_change_pending" | "no_pending_change" | "leader_change_required" | "successor_not_member" | "branch_too_young" | "not_branch_secretary" | "leader_not_qualified" | "team_too_large" | "team_too_small" | "secretary_tenure_too_short" | "over_age_limit" | "title_too_low" | "too_few_merits" | "venue_too_small" | "name_not_branch" | "school_level_missing" | "no_city_master_studio" | "not_evaluator" | "studio_not_in_round" | "round_closed" | "round_open" | "not_final" | "not_passed" | "sheet_submitted" | "sheet_incomplete" | "already_acknowledged" | "score_out_of_band" | "band_condition_unmet" | "material_too_long" | "star_ratings_not_used" | "sub_kind_required" | "sub_kind_not_allowed" | "helping_school_not_core_school" | "not_a_school" | "school_outside_committee" | "unknown_requirement" | "requirement_has_no_target" | "requirement_not_scored" | "sync_running";
        /** @description RFC 9457 problem details, the one shape of every refusal. Show the message of `code`; `errors` maps a field (camelCase JSON path, `$body` for the whole body) to its messages. */
        ProblemDetails: {
            /** @description A URI naming the kind of problem (RFC 9110 section). */
            type?: string;
            /** @description A short English sentence for logs; the app shows the message of `code` instead. */
            title: string;
            /** Format: int32 */
            status: number;
            detail?: string | null;
            instance?: string | null;
            code: components["schemas"]["ProblemCode"];
            /** @description Present on `validation_failed` (and some field-specific codes): field → messages. */
            errors?: {
                [key: string]: string[];
            };
            /** @description Quote it when reporting a problem. */
            traceId: string;
        };
        /**
         * @description Professional title (专业技术职务) as Gansu's 四(一) ranks it.
         * @enum {string}
         */
        ProfessionalTitle: "None" | "Junior" | "Intermediate" | "AssociateSenior" | "Senior";
        /**
         * @description One batch of studios under one notice. `cycleYears`: 1–10 (Liuzhou 2, Maoming and Gansu 3);
         *     `teamCap`: members a studio may have, the leader not counted (Liuzhou: "1名负责人和10人以内成员", so 10).
         *     `orgUnitId`: the committee that owns it.
         */
        ProgrammeDto: {
            /** Format: uuid */
            id: string;
            name: string;
            issuer: string;
            /** @description The five studio kinds of the source notices (DESIGN.md glossary). */
            studioKind: components["schemas"]["StudioKind"];
            /** Format: int32 */
            cycleYears: number;
            /** Format: date */
            startsOn: string;
            /** Format: int32 */
            teamCap: number;
            /** Format: uuid */
            orgUnitId: string;
            /** @description The notice whose requirement set the programme got (Features/Ledger/RuleSets.cs). */
            ruleSet: components["schemas"]["RuleSet"];
        };
        /**
         * @description The annual progress report (年度建设进展报告, Liuzhou: "每年 12 月底前，需提交年度建设进展报告") of one studio and year.
         *     Times are UTC; `firstSubmittedAt` decides whether the deadline was kept.
         */
        ProgressReportDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            studioId: string;
            /** Format: int32 */
            year: number;
            text: string;
            attachmentUrls: string[];
            /** @description Submitted, or Returned by the committee with comments (the leader then resubmits). */
            status: components["schemas"]["ProgressReportStatus"];
            /** Format: date-time */
            firstSubmittedAt: string;
            /** Format: date-time */
            submittedAt: string;
            /** Format: date-time */
            returnedAt: string | null;
            returnComments: string | null;
        };
        /**
         * @description Submitted, or Returned by the committee with comments (the leader then resubmits).
         * @enum {string}
         */
        ProgressReportStatus: "Submitted" | "Returned";
        /** @description Request to rate a studio: `stars` 1–5, `reason` 1–500 characters (required: 定性为主, the reason is the judgement). */
        RateStudioRequest: {
            /** Format: int32 */
            stars?: number | null;
            reason?: string | null;
        };
        /** @description A reason for a decision (≤ 1,000 characters); required when rejecting. */
        ReasonRequest: {
            reason?: string | null;
        };
        /**
         * @description The committee records a build year's assessment. `buildYear` 1..the programme's cycle, already begun;
         *     `fundingAmount` in yuan (≥ 0) with `fundingDecision`; a `Fail` needs `rectificationDeadline` and
         *     1–20 `requiredItems` (≤ 500 characters each) and puts the studio in Rectifying.
         */
        RecordAssessmentRequest: {
            /** Format: int32 */
            buildYear?: number | null;
            result?: (string & components["schemas"]["AssessmentResult"]) | null;
            fundingDecision?: (string & components["schemas"]["FundingDecision"]) | null;
            /** Format: double */
            fundingAmount?: number | null;
            reason?: string | null;
            /** Format: date */
            rectificationDeadline?: string | null;
            requiredItems?: string[] | null;
        };
        /** @description An admin records a review stage: dates (ends on or after starts), outcome and an optional note (≤ 1,000 characters). */
        RecordReviewRequest: {
            stage?: (string & components["schemas"]["ReviewStage"]) | null;
            /** Format: date */
            startsOn?: string | null;
            /** Format: date */
            endsOn?: string | null;
            outcome?: (string & components["schemas"]["ReviewOutcome"]) | null;
            note?: string | null;
        };
        /** @description One rectification: deadline (a date), required items, the leader's report and the committee's outcome. */
        RectificationDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            assessmentId: string | null;
            /** Format: date */
            deadline: string;
            requiredItems: string[];
            /** @description A rectification's state: Open → Reported (the leader's report) → Closed (back to Active) or Revoked. */
            status: components["schemas"]["RectificationStatus"];
            report: string | null;
            reportLinks: string[];
            /** Format: date-time */
            reportedAt: string | null;
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            decisionReason: string | null;
        };
        /** @description The leader's rectification report (≤ 5,000 characters) with up to 9 https links. */
        RectificationReportRequest: {
            report: string;
            links?: string[] | null;
        };
        /**
         * @description A rectification's state: Open → Reported (the leader's report) → Closed (back to Active) or Revoked.
         * @enum {string}
         */
        RectificationStatus: "Open" | "Reported" | "Closed" | "Revoked";
        /**
         * @description How a reminder reached the member: a mini-program subscribe message or an official-account template message.
         * @enum {string}
         */
        ReminderChannel: "Subscribe" | "Template";
        /**
         * @description One reminder of the studio as the leader sees it: to whom, about what, when it was due, and what happened:
         *     `status` (Pending, Sent, NoConsent, NotFollowing, Failed, Withdrawn), `channel` it went by, `attempts`,
         *     WeChat's `lastErrcode` and `lastError`, and for one that did not arrive, `undeliveredReason` (NoConsent,
         *     NotFollowing, Blocked: whom to phone and why). Times UTC.
         */
        ReminderDto: {
            /** Format: uuid */
            id: string;
            /** @description What a reminder is about (issue 6 "What is sent"). */
            kind: components["schemas"]["ReminderKind"];
            /** Format: uuid */
            subjectId: string;
            activityTitle: string | null;
            /** Format: uuid */
            recipientId: string;
            recipientName: string | null;
            /** Format: date-time */
            dueAt: string;
            /**
             * @description Where a reminder stands. `Pending` waits for its time or its next attempt; `Sent` was accepted by WeChat;
             *     `NoConsent`: no subscribe credit and not following the official account, or WeChat answered 43101;
             *     `NotFollowing`: WeChat answered 43004 to a template message; `Failed`: WeChat refused it (47003, 40037, …)
             *     or it stayed transient for every attempt; `Withdrawn`: no longer true when its time came (the activity moved or
             *     was cancelled, the seminar got scheduled), never sent.
             */
            status: components["schemas"]["ReminderStatus"];
            channel: (string & components["schemas"]["ReminderChannel"]) | null;
            /** Format: int32 */
            attempts: number;
            /** Format: int32 */
            lastErrcode: number | null;
            lastError: string | null;
            undeliveredReason: (string & components["schemas"]["UndeliveredReason"]) | null;
            /** Format: date-time */
            sentAt: string | null;
        };
        /**
         * @description What a reminder is about (issue 6 "What is sent").
         * @enum {string}
         */
        ReminderKind: "ActivityUpcoming" | "ActivityChanged" | "ActivityCancelled" | "CheckInOpened" | "LeaderMonthlyDuty" | "LeaderAnnualReport" | "EvaluationFeedback" | "CallDeadline" | "RectificationDeadline" | "ApplicationDecided";
        /** @description A page of the studio's reminders, latest due first, with the count per status over all of them. */
        ReminderPage: {
            items: components["schemas"]["ReminderDto"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            pageSize: number;
            /** Format: int32 */
            total: number;
            byStatus: {
                [key: string]: number;
            };
        };
        /**
         * @description Where a reminder stands. `Pending` waits for its time or its next attempt; `Sent` was accepted by WeChat;
         *     `NoConsent`: no subscribe credit and not following the official account, or WeChat answered 43101;
         *     `NotFollowing`: WeChat answered 43004 to a template message; `Failed`: WeChat refused it (47003, 40037, …)
         *     or it stayed transient for every attempt; `Withdrawn`: no longer true when its time came (the activity moved or
         *     was cancelled, the seminar got scheduled), never sent.
         * @enum {string}
         */
        ReminderStatus: "Pending" | "Sent" | "NoConsent" | "NotFollowing" | "Failed" | "Withdrawn";
        /** @description One change of a programme's requirement: who (admin id and name), when (UTC), old → new, and why. */
        RequirementChangeDto: {
            /** Format: uuid */
            changedBy: string;
            changedByName: string;
            /** Format: date-time */
            changedAt: string;
            /** @description A requirement's target (`targetMin`, or `targetRate` 0–1 for rates) and points (scored items only). */
            old: components["schemas"]["RequirementTargetDto"];
            /** @description A requirement's target (`targetMin`, or `targetRate` 0–1 for rates) and points (scored items only). */
            new: components["schemas"]["RequirementTargetDto"];
            reason: string;
        };
        /**
         * @description What a requirement counts (建设任务指标).
         * @enum {string}
         */
        RequirementCounts: "Activities" | "ActivitiesWithPublishedBrief" | "ActivitiesWithNoticeAndBrief" | "PairedSchoolsPerCoreSchool" | "BackboneTeachers" | "Achievements" | "ProgressReport" | "AttendanceRate" | "TeamSize" | "EvaluatorChecked" | "CommitteeMarked" | "TrainingShare";
        /**
         * @description One requirement of a programme. `period`: what it is counted over (WeStudio.Api.Features.Ledger.RequirementPeriod);
         *     `targetMin`: at least this many; `targetMax`: the notice's upper figure, shown but never enforced;
         *     `targetRate`: for AttendanceRate, a fraction 0–1 (null: the figure is shown, the evaluator judges).
         *     Scored items (`pointsAtTarget` set): the count earns `pointsAtTarget` at `targetMin`, plus or minus
         *     `pointsPerUnit` per unit above or below it, between 0 and `pointsMax` (Wenzhou: 16 activities = 16 points,
         *     ±1 each, at most 20). `clause` quotes the notice in Chinese; `source` names the notice (seeds/README.md);
         *     `note` says how WeStudio reads the clause when that is a choice.
         */
        RequirementDto: {
            /** Format: uuid */
            id: string;
            /** Format: int32 */
            position: number;
            code: string;
            title: string;
            /** @description What a requirement counts (建设任务指标). */
            counts: components["schemas"]["RequirementCounts"];
            /**
             * @description The period a requirement is counted over, in Asia/Shanghai. A notice's "每年…" (a yearly target) is owed per
             *     WeStudio.Api.Features.Ledger.RequirementPeriod.BuildYear; an explicit calendar deadline ("每年12月底前") is a WeStudio.Api.Features.Ledger.RequirementPeriod.CalendarYear.
             */
            period: components["schemas"]["RequirementPeriod"];
            activityKinds: components["schemas"]["ActivityKind"][];
            /** @description Counted activities must have one of these sub-kinds (三会一课: 支部党员大会, 支委会, 党小组会, 党课); empty: any. */
            activitySubKinds: components["schemas"]["ActivitySubKind"][];
            achievementForms: components["schemas"]["AchievementForm"][];
            researchSubtypes: components["schemas"]["ResearchSubtype"][];
            /** Format: int32 */
            targetMin: number;
            /** Format: int32 */
            targetMax: number | null;
            /** Format: double */
            targetRate: number | null;
            /** Format: double */
            pointsAtTarget: number | null;
            /** Format: double */
            pointsPerUnit: number | null;
            /** Format: double */
            pointsMax: number | null;
            clause: string;
            source: string;
            note: string | null;
            /**
             * @description `GET /api/v1/programmes/{id}/requirements` only (null elsewhere): the values the programme was created with,
             *                 from its notice (or, for Guyuan's 三会一课 sub-kinds, the regulation the note names).
             */
            noticeDefault: components["schemas"]["RequirementTargetDto"] | null;
            /** @description `GET …/requirements` only: whether the committee changed the target or points of this programme (null elsewhere). */
            changed: boolean | null;
            /** @description `GET …/requirements` only: the latest change, null when never changed. */
            lastChange: components["schemas"]["RequirementChangeDto"] | null;
        };
        /**
         * @description The period a requirement is counted over, in Asia/Shanghai. A notice's "每年…" (a yearly target) is owed per
         *     WeStudio.Api.Features.Ledger.RequirementPeriod.BuildYear; an explicit calendar deadline ("每年12月底前") is a WeStudio.Api.Features.Ledger.RequirementPeriod.CalendarYear.
         * @enum {string}
         */
        RequirementPeriod: "Month" | "Semester" | "BuildYear" | "CalendarYear" | "Cycle" | "Quarter" | "HalfYear";
        /** @description Points of a scored requirement: `atTarget` at the target, ± `perUnit` per unit, between 0 and `max` (≥ atTarget); each 0–100. */
        RequirementPointsRequest: {
            /** Format: double */
            atTarget: number;
            /** Format: double */
            perUnit: number;
            /** Format: double */
            max: number;
        };
        /** @description A requirement's target (`targetMin`, or `targetRate` 0–1 for rates) and points (scored items only). */
        RequirementTargetDto: {
            /** Format: int32 */
            targetMin: number;
            /** Format: double */
            targetRate: number | null;
            /** Format: double */
            pointsAtTarget: number | null;
            /** Format: double */
            pointsPerUnit: number | null;
            /** Format: double */
            pointsMax: number | null;
        };
        /**
         * @description What a ResearchOutput is: 论文, 课题, 专著.
         * @enum {string}
         */
        ResearchSubtype: "Paper" | "Project" | "Monograph";
        /** @description Why the committee returns the report: `comments` 1–2,000 characters. */
        ReturnProgressReportRequest: {
            comments: string;
        };
        /**
         * @description A review stage's outcome; for a public notice Passed means 无异议 (no objection).
         * @enum {string}
         */
        ReviewOutcome: "Passed" | "Failed";
        /**
         * @description Gansu's review stages (五(二), 五(三)): 初评, 公示, 专家评审与答辩.
         * @enum {string}
         */
        ReviewStage: "PreliminaryReview" | "PublicNotice" | "Defence";
        /** @description An evaluation round of a programme. `status`: Open or Closed. */
        RoundDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** @description The kinds of evaluation round in the notices: 中期评估 (Liuzhou 000 二), 年度考核 (Maoming 001), 验收/考核评价 at the end (all). */
            kind: components["schemas"]["EvaluationKind"];
            rubric: string;
            title: string;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            materials: components["schemas"]["MaterialSpec"][];
            status: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            closedAt: string | null;
            evaluatorIds: string[];
        };
        /** @description A studio as the round lists it: name, stage, how many sheets are submitted of how many started. */
        RoundStudioDto: {
            /** Format: uuid */
            studioId: string;
            name: string;
            status: string;
            /** Format: int32 */
            sheetsSubmitted: number;
            /** Format: int32 */
            sheetsStarted: number;
        };
        /**
         * @description A rubric: its items, the cap on bonus points (null: no bonus), whether it has points at all, the materials it asks
         *     for by default, and the notice it comes from.
         */
        Rubric: {
            code: string;
            title: string;
            source: string;
            scored: boolean;
            /** Format: double */
            bonusCap: number | null;
            materials: components["schemas"]["MaterialSpec"][];
            items: components["schemas"]["RubricItem"][];
        };
        /** @description A band of an item (A/B), with the point range the notice gives it (inclusive) and its text. */
        RubricBand: {
            name: string;
            /** Format: double */
            min: number;
            /** Format: double */
            max: number;
            text: string;
        };
        /**
         * @description One line of a rubric, quoting its clause. `dataKey`: what WeStudio computes for Data/Mixed items.
         *     `deductionPerCount`: points taken per irregularity the evaluator counts (Wenzhou "抽查发现不规范的每次扣0.5分").
         *     `countMax`/`gateMinCount`: a gate passed by counting (Wenzhou "6项行动，完成其中4项则合格").
         *     `bandAMinTrainees`: band A also needs this many trainees (Wenzhou "工作室学员满20人").
         */
        RubricItem: {
            code: string;
            section: string;
            title: string;
            clause: string;
            /** @description Who scores an item: WeStudio from the ledger (`Data`), the evaluator (`Evaluator`), or the evaluator with the data shown as evidence (`Mixed`). */
            source: components["schemas"]["ItemSource"];
            /**
             * @description How an item counts: `Points` (a band A/B and points inside its range, or points computed from data); `Gate`
             *     (必备项: failing it fails the sheet whatever the total); `Bonus` (加分: fixed points when it applies, capped per rubric);
             *     `Check` (a checklist line, 达标/未达标 with feedback, no points); `PassFail` (合格/不合格 with a reason).
             */
            scoring: components["schemas"]["ItemScoring"];
            /** Format: double */
            maxPoints: number;
            bands: components["schemas"]["RubricBand"][];
            dataKey: string | null;
            /** Format: double */
            deductionPerCount: number | null;
            /** Format: int32 */
            countMax: number | null;
            /** Format: int32 */
            gateMinCount: number | null;
            /** Format: int32 */
            bandAMinTrainees: number | null;
            note: string | null;
        };
        /**
         * @description The requirement sets WeStudio ships (Features/Ledger/RuleSets.cs). Liuzhou: 党建名师工作室 (seeds/000 三(二));
         *     LiuzhouBranchSecretary: 名师党支部书记工作室 (seeds/000 三(一)); Maoming (001); Wenzhou (002); Gansu "双优" (003);
         *     Guyuan "四强化六提升" (004, a branch model). None: a programme without requirements.
         * @enum {string}
         */
        RuleSet: "None" | "Liuzhou" | "Maoming" | "Wenzhou" | "LiuzhouBranchSecretary" | "Gansu" | "Guyuan";
        /** @description Save entries on a Draft sheet; entries replace earlier ones of the same item. */
        SaveSheetRequest: {
            items: components["schemas"]["ScoreEntry"][];
        };
        /**
         * @description Gansu: a university (高校, list 四(三)) or a primary/secondary school (中小学校, list 四(四)).
         * @enum {string}
         */
        SchoolLevel: "University" | "School";
        /**
         * @description One entry of an evaluator: `band` (A/B) and `points` for a Points item; `count` of actions done (a counted gate)
         *     or of irregularities (a deduction); `passed` for a gate, bonus, checklist line or 合格/不合格 (with `comment` as reason
         *     when not passed); `comment` ≤ 1000.
         */
        ScoreEntry: {
            code: string;
            band: string | null;
            /** Format: double */
            points: number | null;
            passed: boolean | null;
            /** Format: int32 */
            count: number | null;
            comment: string | null;
        };
        /**
         * @description A score sheet of one evaluator for one studio in one round. Data items are computed live while `Draft` and frozen with
         *     their evidence at submission. `total`: points items plus bonus (capped); `failedGates`: 必备项 not met (the sheet
         *     fails whatever the total); `result`: Pass/Fail once complete, else null.
         */
        ScoreSheetDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roundId: string;
            /** Format: uuid */
            studioId: string;
            /** Format: uuid */
            evaluatorId: string;
            status: string;
            rubric: string;
            items: components["schemas"]["SheetItemDto"][];
            /** Format: double */
            total: number | null;
            /** Format: double */
            bonus: number;
            failedGates: string[];
            complete: boolean;
            result: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            submittedAt: string | null;
        };
        /**
         * @description The school (所在学校) a person works at: an org unit that is a school (a unit below the committee with no units under
         *     it) inside the subtree of the committee that owns the studio's programme. Recorded on the person, not the membership:
         *     it is where they teach, the same in every studio. Liuzhou counts pairing per core member's school (seeds/000 三(二)4(3)).
         */
        SetSchoolRequest: {
            /** Format: uuid */
            orgUnitId: string;
        };
        /** @description One item of a sheet: the rubric line, its data, the evaluator's entry, and the points/pass it comes to (null until entered). */
        SheetItemDto: {
            /**
             * @description One line of a rubric, quoting its clause. `dataKey`: what WeStudio computes for Data/Mixed items.
             *     `deductionPerCount`: points taken per irregularity the evaluator counts (Wenzhou "抽查发现不规范的每次扣0.5分").
             *     `countMax`/`gateMinCount`: a gate passed by counting (Wenzhou "6项行动，完成其中4项则合格").
             *     `bandAMinTrainees`: band A also needs this many trainees (Wenzhou "工作室学员满20人").
             */
            item: components["schemas"]["RubricItem"];
            /** @description What WeStudio computed for a Data or Mixed item: the measured value, the points it earns (Data Points items), and the evidence as text. */
            data: components["schemas"]["DataValue"] | null;
            /**
             * @description One entry of an evaluator: `band` (A/B) and `points` for a Points item; `count` of actions done (a counted gate)
             *     or of irregularities (a deduction); `passed` for a gate, bonus, checklist line or 合格/不合格 (with `comment` as reason
             *     when not passed); `comment` ≤ 1000.
             */
            entry: components["schemas"]["ScoreEntry"] | null;
            /** Format: double */
            points: number | null;
            passed: boolean | null;
            complete: boolean;
        };
        /** @description One audited stage change: action, from, to, who (an admin or a member), when (UTC), why. */
        StageTransitionDto: {
            action: string;
            fromState: string | null;
            toState: string;
            actorKind: string;
            /** Format: uuid */
            actorId: string;
            reason: string | null;
            /** Format: date-time */
            occurredAt: string;
        };
        /** @description A studio's star rating (★1–★5) for a calendar year with the committee's reason (Guyuan, seeds/004). `ratedAt` UTC. */
        StarRatingDto: {
            /** Format: uuid */
            studioId: string;
            /** Format: int32 */
            year: number;
            /** Format: int32 */
            stars: number;
            reason: string;
            /** Format: uuid */
            ratedBy: string;
            /** Format: date-time */
            ratedAt: string;
        };
        /**
         * @description One share of the overview's star ratings against Guyuan's target (seeds/004): the studios rated at least
         *     `minStars` divided by the studios listed (unrated ones count as below), `target` the notice's share.
         */
        StarShareDto: {
            /** Format: int32 */
            minStars: number;
            /** Format: int32 */
            studios: number;
            /** Format: int32 */
            rated: number;
            /** Format: int32 */
            atLeast: number;
            /** Format: double */
            share: number;
            /** Format: double */
            target: number;
            clause: string;
        };
        /**
         * @description A studio with its programme, host unit, team size and leader. `memberCount` counts active members, the leader not
         *     included, against `teamCap`; `traineeCount` counts active trainees (学员), who are outside the cap.
         */
        StudioDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Studio lifecycle (DESIGN.md glossary): Applied → Approved → Active → Completed, with Rectifying, Rejected, Revoked. */
            status: components["schemas"]["StudioStatus"];
            /** Format: uuid */
            programmeId: string;
            programmeName: string;
            /** @description The five studio kinds of the source notices (DESIGN.md glossary). */
            kind: components["schemas"]["StudioKind"];
            /** Format: uuid */
            hostOrgUnitId: string;
            hostOrgUnitName: string;
            /** Format: int32 */
            teamCap: number;
            /** Format: int32 */
            memberCount: number;
            /** Format: int32 */
            traineeCount: number;
            /** Format: uuid */
            leaderId: string | null;
            leaderName: string | null;
        };
        /**
         * @description The five studio kinds of the source notices (DESIGN.md glossary).
         * @enum {string}
         */
        StudioKind: "BranchSecretary" | "PartyBuildingMaster" | "DualLeader" | "PioneerMember" | "DualExcellence";
        /**
         * @description A studio's ledger (台账) for one calendar year, computed from current data at `computedAt` (UTC).
         *     `licensedOn`: the local date the studio was licensed; periods that ended before it are NotApplicable.
         */
        StudioLedgerDto: {
            /** Format: uuid */
            studioId: string;
            studioName: string;
            /** @description The studio's stage: Active, Rectifying, Completed, Revoked… (issue 13). */
            status: components["schemas"]["StudioStatus"];
            /** Format: uuid */
            programmeId: string;
            programmeName: string;
            /**
             * @description The requirement sets WeStudio ships (Features/Ledger/RuleSets.cs). Liuzhou: 党建名师工作室 (seeds/000 三(二));
             *     LiuzhouBranchSecretary: 名师党支部书记工作室 (seeds/000 三(一)); Maoming (001); Wenzhou (002); Gansu "双优" (003);
             *     Guyuan "四强化六提升" (004, a branch model). None: a programme without requirements.
             */
            ruleSet: components["schemas"]["RuleSet"];
            /** Format: int32 */
            year: number;
            /** Format: date */
            licensedOn: string;
            /** Format: date-time */
            computedAt: string;
            /** @description How many cells have each status. */
            totals: components["schemas"]["LedgerStatusCounts"];
            requirements: components["schemas"]["LedgerLine"][];
        };
        /** @description One active person of a studio. `joinedAt` is UTC. */
        StudioMemberDto: {
            /** Format: uuid */
            memberId: string;
            displayName: string | null;
            /**
             * @description A person's role in one studio. Leader (主持人/负责人/领衔人) and Member (成员) make the team, whose members count
             *     against the programme's cap; a Trainee (学员) is someone the studio cultivates (Liuzhou 骨干教师, Wenzhou 学员): outside
             *     the cap, joins by a trainee invitation, checks in, may be marked a backbone teacher.
             */
            role: components["schemas"]["StudioRole"];
            /** Format: date-time */
            joinedAt: string;
            /**
             * Format: uuid
             * @description The person's school (所在学校, an org unit); null when none is recorded (PUT …/members/{memberId}/school).
             */
            schoolOrgUnitId: string | null;
            schoolName: string | null;
        };
        /** @description A studio's standing in a round: each submitted sheet, the mean total, pass/fail, rank (by mean, passed studios first). */
        StudioResultDto: {
            /** Format: uuid */
            studioId: string;
            studioName: string;
            sheets: components["schemas"]["ScoreSheetDto"][];
            /** Format: double */
            meanTotal: number | null;
            passed: boolean | null;
            failedGates: string[];
            /** Format: int32 */
            rank: number | null;
            lifecycle: string | null;
            /** @description 优秀 confirmed by the committee after a closed Final round (Wenzhou "评选出优秀…进行表彰"), with its reason; null otherwise. */
            excellent: string | null;
        };
        /**
         * @description A person's role in one studio. Leader (主持人/负责人/领衔人) and Member (成员) make the team, whose members count
         *     against the programme's cap; a Trainee (学员) is someone the studio cultivates (Liuzhou 骨干教师, Wenzhou 学员): outside
         *     the cap, joins by a trainee invitation, checks in, may be marked a backbone teacher.
         * @enum {string}
         */
        StudioRole: "Leader" | "Member" | "Trainee";
        /**
         * @description A studio's stage: status, licence date (Asia/Shanghai) and current build year, its assessments, rectifications
         *     (newest first), acceptance, leader changes and the audited history of every transition.
         */
        StudioStageDto: {
            /** Format: uuid */
            studioId: string;
            /** @description Studio lifecycle (DESIGN.md glossary): Applied → Approved → Active → Completed, with Rectifying, Rejected, Revoked. */
            status: components["schemas"]["StudioStatus"];
            /** Format: date */
            licensedOn: string;
            /** Format: int32 */
            cycleYears: number;
            /** Format: int32 */
            buildYear: number;
            assessments: components["schemas"]["AssessmentDto"][];
            rectifications: components["schemas"]["RectificationDto"][];
            /** @description The studio's acceptance materials and result. */
            acceptance: components["schemas"]["AcceptanceDto"] | null;
            leaderChanges: components["schemas"]["LeaderChangeDto"][];
            history: components["schemas"]["StageTransitionDto"][];
        };
        /**
         * @description Studio lifecycle (DESIGN.md glossary): Applied → Approved → Active → Completed, with Rectifying, Rejected, Revoked.
         * @enum {string}
         */
        StudioStatus: "Applied" | "Approved" | "Active" | "Completed" | "Rectifying" | "Rejected" | "Revoked";
        /** @description A studio's volunteer hours of one Asia/Shanghai calendar year: totals per kind and per person (every active person, most hours first). */
        StudioVolunteerHours: {
            /** Format: uuid */
            studioId: string;
            /** Format: int32 */
            year: number;
            /** Format: int32 */
            minutes: number;
            /** Format: double */
            hours: number;
            byKind: components["schemas"]["KindHours"][];
            members: components["schemas"]["MemberVolunteerHours"][];
        };
        /**
         * @description Who a session belongs to: a WeChat member or a committee admin.
         * @enum {string}
         */
        SubjectKind: "Member" | "Admin";
        /** @description The report: `text` 1–20,000 characters; `attachmentUrls` at most 9 https links of ≤ 500 characters. */
        SubmitProgressReportRequest: {
            text: string;
            attachmentUrls?: string[] | null;
        };
        /**
         * @description One subscribe template of a reminder kind and the member's standing with it: `credits` messages may still be sent
         *     (one per `accept`); `lastResult` the last answer (null if never asked); `shouldAsk` true when there is no
         *     credit left and the member has not rejected or banned it, so the mini-program asks again.
         */
        SubscriptionDto: {
            templateId: string;
            kinds: components["schemas"]["ReminderKind"][];
            /** Format: int32 */
            credits: number;
            /** @enum {string|null} */
            lastResult: "accept" | "reject" | "ban" | "filter" | null;
            shouldAsk: boolean;
        };
        /**
         * @description `results`: what `wx.requestSubscribeMessage` returned, template id → `accept`, `reject`, `ban`
         *                 or `filter` (its `errMsg` key left out). Only the subscribe templates of `GET /api/v1/me/subscriptions`.
         */
        SubscriptionsRequest: {
            results: {
                [key: string]: "accept" | "reject" | "ban" | "filter" | null;
            };
        };
        /** @description The member's subscribe templates and credits. */
        SubscriptionsResponse: {
            templates: components["schemas"]["SubscriptionDto"][];
        };
        /** @description One person of the proposed team: name, role in the studio (e.g. 成员, 学员), professional title (≤ 50 characters each). */
        TeamMemberForm: {
            name: string | null;
            role: string | null;
            title: string | null;
        };
        /**
         * @description Why a reminder did not reach its recipient (the leader phones them): `NoConsent` no subscribe credit and no link to a
         *     follower of the official account; `NotFollowing` linked, but they left the official account (or WeChat answered 43004);
         *     `Blocked` they answered reject or ban to the subscribe template (`wx.requestSubscribeMessage`) and do not follow.
         * @enum {string}
         */
        UndeliveredReason: "NoConsent" | "NotFollowing" | "Blocked";
        /** @description The member's real name as the studio should see it: 1–30 characters. */
        UpdateProfileRequest: {
            displayName: string;
        };
        /**
         * @description A committee's value for one requirement of its programme. `target`: for a count, a whole number 0–1000 (0: the
         *     count is shown and the evaluator judges it); for a rate (AttendanceRate, TrainingShare) a fraction 0–1 with at most
         *     three decimals (0: measured only). Never above the notice's upper figure (`targetMax`). `points`: only for a
         *     scored requirement (Wenzhou's activities). `reason`: 1–500 characters, kept in the audit.
         */
        UpdateRequirementTargetRequest: {
            /** Format: double */
            target: number;
            /** @description Points of a scored requirement: `atTarget` at the target, ± `perUnit` per unit, between 0 and `max` (≥ atTarget); each 0–100. */
            points?: components["schemas"]["RequirementPointsRequest"] | null;
            reason: string;
        };
        /** @description `code` is what `wx.login` returned on the phone (valid 5 minutes, once). */
        WeChatLoginRequest: {
            code: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ListAchievements: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AchievementDto"][];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateAchievement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AchievementRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AchievementDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetAchievement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                achievementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AchievementDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    UpdateAchievement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                achievementId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AchievementRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AchievementDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    DeleteAchievement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                achievementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListMyActivities: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListStudioActivities: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivityRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `sub_kind_required`, `sub_kind_not_allowed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "sub_kind_required" | "sub_kind_not_allowed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Unprocessable Entity: `helping_school_not_core_school`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "helping_school_not_core_school";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    UpdateActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivityRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `sub_kind_required`, `sub_kind_not_allowed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "sub_kind_required" | "sub_kind_not_allowed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled";
                    };
                };
            };
            /** @description Unprocessable Entity: `helping_school_not_core_school`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "helping_school_not_core_school";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CancelActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelActivityRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListMyApplications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"][];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    UpdateApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationForm"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `call_closed`, `invalid_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "call_closed" | "invalid_transition";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    SubmitApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `call_closed`, `invalid_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "call_closed" | "invalid_transition";
                    };
                };
            };
            /** @description Unprocessable Entity: `branch_too_young`, `not_branch_secretary`, `leader_not_qualified`, `team_too_large`, `secretary_tenure_too_short`, `over_age_limit`, `title_too_low`, `too_few_merits`, `venue_too_small`, `name_not_branch`, `school_level_missing`, `no_city_master_studio`, `team_too_small`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "branch_too_young" | "not_branch_secretary" | "leader_not_qualified" | "team_too_large" | "secretary_tenure_too_short" | "over_age_limit" | "title_too_low" | "too_few_merits" | "venue_too_small" | "name_not_branch" | "school_level_missing" | "no_city_master_studio" | "team_too_small";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    RecordApplicationReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordReviewRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    EndorseApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description Bad Request: `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`, `quota_exceeded`, `review_pending`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition" | "quota_exceeded" | "review_pending";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ApproveApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovedDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `not_endorsed`, `review_pending`, `duplicate_name`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_endorsed" | "review_pending" | "duplicate_name";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    RejectApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    WeChatLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeChatLoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberLoginResponse"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `wechat_code_invalid`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "wechat_code_invalid";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `wechat_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "wechat_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    AdminLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminLoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminLoginResponse"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `invalid_credentials`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_credentials";
                    };
                };
            };
            /** @description Too Many Requests: `too_many_attempts`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "too_many_attempts";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    Logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListBackboneTeachers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackboneTeacherDto"][];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    MarkBackboneTeacher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
                year: number;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["MarkBackboneTeacherRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackboneTeacherDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    UnmarkBackboneTeacher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
                year: number;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListStudioBriefs: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefPage"];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListBriefs: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                flagged?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefPage"];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetBrief: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    PutBrief: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BriefRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    PublishBrief: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefDto"];
                };
            };
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled";
                    };
                };
            };
            /** @description Unprocessable Entity: `content_risky`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "content_risky";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListBriefVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefVersionDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListProgrammeCalls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programmeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programmeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCallRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListOpenCalls: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"][];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListCallApplications: {
        parameters: {
            query?: {
                status?: string;
            };
            header?: never;
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"][];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationForm"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `call_closed`, `application_limit`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "call_closed" | "application_limit";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CheckIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInResult"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInResult"];
                };
            };
            /** @description Bad Request: `validation_failed`, `token_invalid`, `location_required`, `nonce_reused`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "token_invalid" | "location_required" | "nonce_reused" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `not_member`, `out_of_range`, `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_member" | "out_of_range" | "forbidden";
                    };
                };
            };
            /** @description Conflict: `not_open`, `activity_cancelled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_open" | "activity_cancelled";
                    };
                };
            };
            /** @description Gone: `token_expired`. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "token_expired";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CheckOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckOutRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckOutResult"];
                };
            };
            /** @description Bad Request: `validation_failed`, `token_invalid`, `location_required`, `nonce_reused`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "token_invalid" | "location_required" | "nonce_reused" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `not_member`, `out_of_range`, `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_member" | "out_of_range" | "forbidden";
                    };
                };
            };
            /** @description Conflict: `not_open`, `activity_cancelled`, `not_tracked`, `not_checked_in`, `already_checked_out`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_open" | "activity_cancelled" | "not_tracked" | "not_checked_in" | "already_checked_out";
                    };
                };
            };
            /** @description Gone: `token_expired`. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "token_expired";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetMyPass: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInCodeDto"];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListMyCheckIns: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyCheckInPage"];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetMyVolunteerHours: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyVolunteerHours"];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetStudioVolunteerHours: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioVolunteerHours"];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    OpenCheckIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInStatusDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`, `outside_window`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled" | "outside_window";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CloseCheckIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInStatusDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetCheckInCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInCodeDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`, `not_open`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled" | "not_open";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetCheckInCodePng: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`, `not_open`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled" | "not_open";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetCheckOutCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInCodeDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`, `not_tracked`, `not_open`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled" | "not_tracked" | "not_open";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetCheckOutCodePng: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`, `not_tracked`, `not_open`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled" | "not_tracked" | "not_open";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CheckInByMemberPass: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberScanRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInResult"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInResult"];
                };
            };
            /** @description Bad Request: `validation_failed`, `token_invalid`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "token_invalid" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`, `not_member`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden" | "not_member";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`, `not_open`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled" | "not_open";
                    };
                };
            };
            /** @description Gone: `token_expired`. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "token_expired";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CheckOutByMemberPass: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberScanRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckOutResult"];
                };
            };
            /** @description Bad Request: `validation_failed`, `token_invalid`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "token_invalid" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`, `not_member`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden" | "not_member";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`, `not_tracked`, `not_open`, `not_checked_in`, `already_checked_out`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled" | "not_tracked" | "not_open" | "not_checked_in" | "already_checked_out";
                    };
                };
            };
            /** @description Gone: `token_expired`. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "token_expired";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `checkin_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "checkin_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ReviewCheckOut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckOutReviewRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckOutResult"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`, `not_tracked`, `not_checked_in`, `not_checked_out`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled" | "not_tracked" | "not_checked_in" | "not_checked_out";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetAttendance: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceSheet"];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetMyActivityCheckIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyActivityCheckIn"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `not_member`, `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_member" | "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    MarkAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttendanceChangeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceEntry"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`, `not_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found" | "not_member";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    UndoAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttendanceChangeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceEntry"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`, `not_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found" | "not_member";
                    };
                };
            };
            /** @description Conflict: `activity_cancelled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "activity_cancelled";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListRubrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rubric"][];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListEvaluationMaterials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetEvaluationFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    WriteEvaluationFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetAchievementsCompilation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListEvaluationRoundStudios: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundStudioDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `not_evaluator`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_evaluator";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListEvaluationRounds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programmeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateEvaluationRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programmeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoundRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    AppointEvaluator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointEvaluatorRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `round_closed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "round_closed";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetEvaluationResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioResultDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetEvaluationScoreTable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CloseEvaluationRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseRoundRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioResultDto"][];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `round_closed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "round_closed";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ConfirmExcellentStudio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExcellentRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioResultDto"][];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `round_open`, `not_final`, `not_passed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "round_open" | "not_final" | "not_passed";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListMyEvaluationRounds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"][];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetScoreSheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreSheetDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `not_evaluator`, `studio_not_in_round`, `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_evaluator" | "studio_not_in_round" | "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    SaveScoreSheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveSheetRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreSheetDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `not_evaluator`, `studio_not_in_round`, `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_evaluator" | "studio_not_in_round" | "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `sheet_submitted`, `round_closed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "sheet_submitted" | "round_closed";
                    };
                };
            };
            /** @description Unprocessable Entity: `score_out_of_band`, `band_condition_unmet`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "score_out_of_band" | "band_condition_unmet";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    SubmitScoreSheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreSheetDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `not_evaluator`, `studio_not_in_round`, `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_evaluator" | "studio_not_in_round" | "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `sheet_incomplete`, `sheet_submitted`, `round_closed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "sheet_incomplete" | "sheet_submitted" | "round_closed";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    SubmitEvaluationMaterial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaterialRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialDto"][];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `round_closed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "round_closed";
                    };
                };
            };
            /** @description Unprocessable Entity: `material_too_long`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "material_too_long";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    AcknowledgeEvaluationFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationRoundId: string;
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `already_acknowledged`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "already_acknowledged";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetStudioLedger: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioLedgerDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetLedgerOverview: {
        parameters: {
            query?: {
                programmeId?: string;
                period?: string;
                districtId?: string;
                status?: "Met" | "OnTrack" | "AtRisk" | "Missed" | "NotApplicable" | "EvaluatorChecked" | "Deducted";
                sort?: "missed" | "name";
                page?: number;
                pageSize?: number;
                stage?: "Applied" | "Approved" | "Active" | "Rectifying" | "Completed" | "Rejected" | "Revoked";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerOverviewDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ExportStudioLedger: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ExportProgrammeLedger: {
        parameters: {
            query?: {
                programmeId?: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    MarkRequirement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
                requirementId: string;
                periodStarts: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["MarkRequirementRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerMarkDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    UnmarkRequirement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
                requirementId: string;
                periodStarts: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    RateStudio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RateStudioRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StarRatingDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `star_ratings_not_used`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "star_ratings_not_used";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListStarRatings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StarRatingDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetStudioStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    RecordAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordAssessmentRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`, `already_assessed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition" | "already_assessed";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    OpenRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenRectificationRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CloseRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`, `report_missing`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition" | "report_missing";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    RevokeStudio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    DecideAcceptance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptanceDecisionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`, `acceptance_missing`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition" | "acceptance_missing";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    DecideLeaderChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaderChangeDecisionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`, `no_pending_change`, `successor_not_member`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition" | "no_pending_change" | "successor_not_member";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ReportRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RectificationReportRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    SubmitAcceptance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptanceRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`, `acceptance_too_early`, `already_submitted`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition" | "acceptance_too_early" | "already_submitted";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    RequestLeaderChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaderChangeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioStageDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `invalid_transition`, `leader_change_pending`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invalid_transition" | "leader_change_pending";
                    };
                };
            };
            /** @description Unprocessable Entity: `successor_not_member`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "successor_not_member";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    UpdateMyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    SetMemberSchool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetSchoolRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberSchoolDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Unprocessable Entity: `not_a_school`, `school_outside_committee`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_a_school" | "school_outside_committee";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListOrgUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitDto"][];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrgUnitRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `duplicate_name`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "duplicate_name";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    UploadPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_multipart`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_multipart" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Payload Too Large: `too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "too_large";
                    };
                };
            };
            /** @description Unsupported Media Type: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable Entity: `too_many_pixels`, `corrupt_image`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "too_many_pixels" | "corrupt_image";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `storage_unavailable`, `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "storage_unavailable" | "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetPhotoContent: {
        parameters: {
            query?: {
                size?: string;
                exp?: string;
                sig?: string;
            };
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            /** @description Not Modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Forbidden: `url_invalid`, `url_expired`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "url_invalid" | "url_expired";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListProgrammes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeDto"][];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateProgramme: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProgrammeRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetProgramme: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programmeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListProgrammeRequirements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programmeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequirementDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    UpdateProgrammeRequirement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programmeId: string;
                requirementCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRequirementTargetRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequirementDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`, `unknown_requirement`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found" | "unknown_requirement";
                    };
                };
            };
            /** @description Conflict: `requirement_has_no_target`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "requirement_has_no_target";
                    };
                };
            };
            /** @description Unprocessable Entity: `requirement_not_scored`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "requirement_not_scored";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListProgrammeStudios: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programmeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateStudio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programmeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStudioRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedStudioDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `duplicate_name`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "duplicate_name";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    SubmitProgressReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitProgressReportRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressReportDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `report_already_submitted`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "report_already_submitted";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListProgressReports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressReportDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ReturnProgressReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnProgressReportRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressReportDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `report_not_submitted`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "report_not_submitted";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListStudioReminders: {
        parameters: {
            query?: {
                status?: "Pending" | "Sent" | "NoConsent" | "NotFollowing" | "Failed" | "Withdrawn";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderPage"];
                };
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionsResponse"];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    RecordSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionsResponse"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetActivityReminderSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityReminderSettings"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    SetActivityReminderSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivityReminderSettingsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityReminderSettings"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetActiveFollowerSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowerSyncDto"];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    StartFollowerSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowerSyncDto"];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Conflict: `sync_running`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "sync_running";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetFollowerSync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                syncId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowerSyncDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListStudios: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioDto"][];
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    GetStudio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ListStudioMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioMemberDto"][];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    CreateLeaderInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studioId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationDto"];
                };
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Conflict: `leader_change_required`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "leader_change_required";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    JoinStudio: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JoinStudioRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JoinedStudioDto"];
                };
            };
            /** @description Bad Request: `validation_failed`, `malformed_json`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "malformed_json" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `invitation_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invitation_not_found";
                    };
                };
            };
            /** @description Conflict: `invitation_expired`, `team_full`, `studio_inactive`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "invitation_expired" | "team_full" | "studio_inactive";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    RemoveStudioMember: {
        parameters: {
            query?: {
                reason?: string;
            };
            header?: never;
            path: {
                studioId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `validation_failed`, `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "validation_failed" | "bad_request";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "forbidden";
                    };
                };
            };
            /** @description Not Found: `not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "not_found";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    VerifyWeChatPushUrl: {
        parameters: {
            query?: {
                signature?: string;
                timestamp?: string;
                nonce?: string;
                echostr?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Forbidden: `signature_invalid`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "signature_invalid";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ReceiveWeChatPush: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Forbidden: `signature_invalid`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "signature_invalid";
                    };
                };
            };
            /** @description Payload Too Large: `too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "too_large";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    VerifyOfficialAccountPushUrl: {
        parameters: {
            query?: {
                signature?: string;
                timestamp?: string;
                nonce?: string;
                echostr?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Forbidden: `signature_invalid`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "signature_invalid";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
    ReceiveOfficialAccountPush: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: `bad_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "bad_request";
                    };
                };
            };
            /** @description Forbidden: `signature_invalid`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "signature_invalid";
                    };
                };
            };
            /** @description Payload Too Large: `too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "too_large";
                    };
                };
            };
            /** @description Internal Server Error: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable: `database_unavailable`, `database_busy`, `cache_unavailable`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"] & {
                        /** @enum {string} */
                        code: "database_unavailable" | "database_busy" | "cache_unavailable";
                    };
                };
            };
        };
    };
}
