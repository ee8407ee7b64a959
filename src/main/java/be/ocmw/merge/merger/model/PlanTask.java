package be.ocmw.merge.merger.model;

import java.time.LocalDate;

/** A task people do by hand, with its due date. */
public record PlanTask(String code, LocalDate due, String detail) {
}
