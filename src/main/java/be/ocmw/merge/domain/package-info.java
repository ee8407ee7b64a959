/**
 * The values the back office speaks in: enterprise numbers ({@link be.ocmw.merge.domain.Kbo}), national numbers
 * ({@link be.ocmw.merge.domain.Insz}), municipality codes ({@link be.ocmw.merge.domain.NisCode}), the three merger
 * scenarios and the roles of access management ({@link be.ocmw.merge.domain.Role}). Each value checks itself when it
 * is made and names the bad value when it refuses it, so that nothing downstream has to wonder whether a number is
 * valid. Also the dates files write ({@code BelgianDates}, and the years accepted) and how a value from outside is
 * quoted in a message ({@code Readable}: cut to 80 characters with its length). Plain Java, no Spring.
 */
package be.ocmw.merge.domain;
