/**
 * ChaMan, the channel manager through which an OCMW's software exchanges files (FTP) and calls services
 * (REST): after a scenario-1 merger the new KBO needs both channels, each with a certificate that ChaMan
 * accepts. This feature checks a certificate file against ChaMan's rules (SPEC 5.6) before somebody uploads
 * it, and says per rule, in Dutch or French, what is right and what must be done about what is not.
 */
package be.ocmw.merge.chaman;
