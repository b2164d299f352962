package dev.gatehouse.application.port.in;

import java.util.List;

public interface DispatchMailUseCase {
    /** What one dispatch round did; {@code problems} are safe to log (no secrets). */
    record DispatchReport(int sent, int retried, int dead, List<String> problems) {
        public boolean idle() {
            return sent == 0 && retried == 0 && dead == 0;
        }
    }

    /** Sends the mail that is due, rescheduling failures with back-off. */
    DispatchReport dispatchDue();
}
