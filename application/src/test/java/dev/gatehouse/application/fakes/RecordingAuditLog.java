package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;

public final class RecordingAuditLog implements AuditLog, Snapshottable {
    private List<AuditEvent> events = new ArrayList<>();

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public List<AuditEvent> of(AuditEvent.Type type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public void forgetClientAddresses(dev.gatehouse.domain.user.UserId user) {
        events.replaceAll(e -> user.equals(e.user())
                ? new AuditEvent(e.id(), e.occurredAt(), e.type(), e.user(), e.actor(), null, e.detail()) : e);
    }

    @Override
    public Page find(Query query) {
        List<AuditEvent> matching = events.reversed().stream()
                .filter(e -> query.user() == null || query.user().equals(e.user()))
                .filter(e -> query.type() == null || query.type() == e.type())
                .filter(e -> query.from() == null || !e.occurredAt().isBefore(query.from()))
                .filter(e -> query.until() == null || e.occurredAt().isBefore(query.until()))
                .toList();
        return new Page(matching.stream().skip((long) query.page() * query.size()).limit(query.size()).toList(), matching.size());
    }

    @Override
    public Runnable snapshot() {
        List<AuditEvent> copy = new ArrayList<>(events);
        return () -> events = new ArrayList<>(copy);
    }
}
