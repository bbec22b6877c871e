package io.careline.escalation;

import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem.FieldError;
import io.careline.common.security.Caller;
import io.careline.escalation.api.OnCallView;
import io.careline.escalation.api.RosterRequest;
import io.careline.escalation.api.RosterView;
import io.careline.escalation.api.ShiftRequest;
import io.careline.escalation.api.ShiftView;
import io.careline.escalation.model.Roster;
import io.careline.escalation.model.RosterShift;
import io.careline.notification.OnCallUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** On-call rosters: replaced as a whole by hospital systems and admins, asked who is on duty at an instant. */
@ApplicationScoped
public class RosterService implements OnCallUsers {

    /** Stores the roster with exactly these shifts; {@code created} says whether it is new. */
    @Transactional
    public Saved put(Caller caller, String rosterId, RosterRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.shifts().size(); i++) {
            ShiftRequest shift = request.shifts().get(i);
            if (!shift.endsAt().isAfter(shift.startsAt())) {
                errors.add(new FieldError("shifts[" + i + "].endsAt", "must be after startsAt"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Some shifts end before they start.", errors);
        }
        Optional<Roster> existing = Roster.byId(rosterId);
        Roster roster = existing.orElseGet(Roster::new);
        roster.rosterId = rosterId;
        roster.name = request.name();
        roster.updatedBy = caller.userId();
        roster.updatedAt = Times.now();
        if (existing.isEmpty()) {
            roster.persist();
        } else {
            RosterShift.deleteOf(roster.pk);
        }
        List<RosterShift> shifts = new ArrayList<>();
        for (int i = 0; i < request.shifts().size(); i++) {
            ShiftRequest given = request.shifts().get(i);
            RosterShift shift = new RosterShift();
            shift.rosterPk = roster.pk;
            shift.position = i;
            shift.userId = given.userId();
            shift.startsAt = given.startsAt().truncatedTo(ChronoUnit.MICROS);
            shift.endsAt = given.endsAt().truncatedTo(ChronoUnit.MICROS);
            shifts.add(shift);
        }
        RosterShift.persist(shifts);
        return new Saved(view(roster, shifts), existing.isEmpty());
    }

    @Transactional
    public RosterView get(String rosterId) {
        Roster roster = require(rosterId);
        return view(roster, RosterShift.of(roster.pk));
    }

    @Transactional
    public OnCallView onCall(String rosterId, Instant at) {
        Roster roster = require(rosterId);
        return new OnCallView(rosterId, at, RosterShift.of(roster.pk).stream().filter(s -> s.covers(at))
                .map(ShiftView::of).toList());
    }

    @Override
    @Transactional
    public Optional<List<String>> onDuty(String rosterId, Instant at) {
        return Roster.byId(rosterId).map(roster -> RosterShift.of(roster.pk).stream().filter(s -> s.covers(at))
                .map(s -> s.userId).distinct().toList());
    }

    private static Roster require(String rosterId) {
        return Roster.byId(rosterId).orElseThrow(() -> new DomainException(ErrorCode.ROSTER_NOT_FOUND, "No such roster."));
    }

    private static RosterView view(Roster roster, List<RosterShift> shifts) {
        return new RosterView(roster.rosterId, roster.name, shifts.stream().map(ShiftView::of).toList(),
                roster.updatedBy, roster.updatedAt);
    }

    /** A roster as stored, and whether it is new. */
    public record Saved(RosterView roster, boolean created) {
    }
}
