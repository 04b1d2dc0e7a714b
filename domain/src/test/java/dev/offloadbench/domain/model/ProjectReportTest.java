package dev.offloadbench.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.profile.BuiltInProfiles;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProjectReportTest {

    @Test
    void printsTestCountsWithACommaThousandsSeparatorWhateverTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(new ProjectReport(BuiltInProfiles.MNG, 5275, 200, List.of()).testCountText()).isEqualTo("5,275");
            Locale.setDefault(Locale.FRANCE);
            assertThat(new ProjectReport(BuiltInProfiles.MNG, 1234567, 200, List.of()).testCountText())
                    .isEqualTo("1,234,567");
            assertThat(new ProjectReport(BuiltInProfiles.MNG, 345, 200, List.of()).testCountText()).isEqualTo("345");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
