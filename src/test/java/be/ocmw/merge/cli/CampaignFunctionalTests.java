package be.ocmw.merge.cli;

import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.SampleWorkflow;
import be.ocmw.merge.support.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code campaign} through the real jar against a real SMTP server in this JVM: what it would do, then the workbooks
 * mailed once each with their own workbook attached, nothing the second time, and each mail in the consultation log.
 */
class CampaignFunctionalTests {

    @TempDir
    Path workDir;

    @Test
    void theCampaignMailsEachOcmwItsOwnWorkbookOnceAndSaysWhereEachStands() throws Exception {
        String url = SampleWorkflow.loadedCopy(workDir);
        Path registry = workDir.resolve("jobs/mergers-2025.yml");
        Files.writeString(registry, Files.readString(registry).replace("    name: Pajottegem\n",
                "    name: Pajottegem\n    notify: [coordinator@vlaanderen.example]\n"));
        int port = TestSmtp.freePort();
        GreenMail smtp = TestSmtp.on(port);
        try {
            OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url).env("OCMW_MAIL_HOST", "127.0.0.1")
                    .env("OCMW_MAIL_PORT", String.valueOf(port)).env("OCMW_MAIL_FROM", "ocmw-merge@vlaanderen.example");

            // what it would do: each OCMW's address, nothing sent yet
            Run before = jar.run("campaign", "pajottegem");
            assertThat(before.exitCode()).as(before.output()).isZero();
            assertThat(before.out()).contains("not started").contains("(its current HTB as loaded)").contains("workbook:  not sent");

            // sent: one mail per OCMW, its own workbook attached
            Run sent = jar.run("campaign", "pajottegem", "--send", "--by", "coordinator");
            assertThat(sent.exitCode()).as(sent.output()).isZero();
            assertThat(sent.out()).contains("OCMW Galmaarden (0212.978.247): workbook (").contains("mailed to");
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(3);
            for (MimeMessage message : received) {
                assertThat(message.getReplyTo()[0].toString()).isEqualTo("coordinator@vlaanderen.example");
                Multipart parts = (Multipart) message.getContent();
                var attached = parts.getBodyPart(1);
                assertThat(attached.getFileName()).startsWith("Werkboek pajottegem OCMW ").endsWith(".xlsx");
                try (InputStream in = attached.getInputStream(); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                    String ocmw = workbook.getSheet("OCMW").getRow(2).getCell(1).getStringCellValue();
                    assertThat(attached.getFileName()).contains(ocmw);
                    assertThat(message.getSubject()).contains(ocmw);
                }
            }

            // a second send mails nothing; the campaign says where each stands
            Run again = jar.run("campaign", "pajottegem", "--send", "--by", "coordinator");
            assertThat(again.out()).contains("not mailed: mailed before");
            assertThat(smtp.getReceivedMessages()).hasSize(3);
            Run status = jar.run("campaign", "pajottegem");
            assertThat(status.out()).doesNotContain("not started").contains("by coordinator")
                    .contains("received:  submission of 20/11/2024 (pajottegem-herne.xlsx), LATE");
            try (Connection connection = DriverManager.getConnection(url);
                 ResultSet rs = connection.createStatement().executeQuery(
                         "select count(*) from consultation where what = 'campaign mail: pre-filled workbook' and actor = 'coordinator'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        } finally {
            smtp.stop();
        }
    }
}
