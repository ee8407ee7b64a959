package be.ocmw.merge.database;

/** Where the data of this run lives, in words for an operator (never with a password). */
public record DatabaseDescription(String text) {
}
