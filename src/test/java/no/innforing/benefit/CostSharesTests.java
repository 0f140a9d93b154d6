package no.innforing.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.innforing.benefit.CostShares.Participant;
import no.innforing.benefit.CostShares.Share;
import org.junit.jupiter.api.Test;

/** The arithmetic of the cost share and the measurement calendar, without the application. */
class CostSharesTests {

    private static List<Long> amounts(List<Share> shares) {
        return shares.stream().map(Share::amountNok).toList();
    }

    @Test
    void equalPopulationsGiveTheExtraKroneToTheLowestMunicipalityNumber() {
        List<Share> shares = CostShares.split(1000, List.of(new Participant("5001", "Trondheim", 100),
                new Participant("1576", "Aure", 100), new Participant("1505", "Kristiansund", 100)));
        assertThat(shares).extracting(Share::municipalityNumber).containsExactly("1505", "1576", "5001");
        assertThat(amounts(shares)).containsExactly(334L, 333L, 333L);

        assertThat(amounts(CostShares.split(1001, List.of(new Participant("1505", "K", 1),
                new Participant("1576", "A", 1), new Participant("5001", "T", 1))))).containsExactly(334L, 334L, 333L);
    }

    @Test
    void theLargestRemaindersGetTheKronerLeftOver() {
        // 1 000 000 over 24 000 / 3 500 / 214 000: exact 99 378,88 / 14 492,75 / 886 128,36
        List<Share> shares = CostShares.split(1_000_000, List.of(new Participant("1505", "Kristiansund", 24_000),
                new Participant("1576", "Aure", 3_500), new Participant("5001", "Trondheim", 214_000)));
        assertThat(amounts(shares)).containsExactly(99_379L, 14_493L, 886_128L);
    }

    @Test
    void sharesAlwaysAddUpToTheTotalInWholeKroner() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<Participant> participants = new ArrayList<>();
            int count = 1 + random.nextInt(65);
            for (int i = 0; i < count; i++) {
                participants.add(new Participant(String.valueOf(1000 + i), "K" + i, 1 + random.nextInt(250_000)));
            }
            long total = random.nextInt(3) == 0 ? random.nextInt(100) : Math.abs(random.nextLong() % 10_000_000_000L);
            List<Share> shares = CostShares.split(total, participants);
            assertThat(shares.stream().mapToLong(Share::amountNok).sum()).as("round " + round).isEqualTo(total);
            assertThat(shares).allSatisfy(share -> assertThat(share.amountNok()).isNotNegative());
        }
    }

    @Test
    void aBigTotalOverTheWholeRegionDoesNotOverflow() {
        List<Share> shares = CostShares.split(900_000_000_000_000L, List.of(new Participant("1505", "K", 700_000),
                new Participant("5001", "T", 300_000)));
        assertThat(amounts(shares)).containsExactly(630_000_000_000_000L, 270_000_000_000_000L);
    }

    @Test
    void nobodyToShareWithGivesNoShares() {
        assertThat(CostShares.split(1000, List.of())).isEmpty();
        assertThat(amounts(CostShares.split(0, List.of(new Participant("1505", "K", 10))))).containsExactly(0L);
    }

    @Test
    void quartersAfterGoLiveClampMonthEndsAndDoNotOverlap() {
        LocalDate goLive = LocalDate.of(2028, 3, 31);
        assertThat(MeasurementQuarters.quarterEnd(goLive, 1)).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(MeasurementQuarters.due(goLive, 1)).isEqualTo(LocalDate.of(2028, 7, 30));
        assertThat(MeasurementQuarters.windowStart(goLive, 1)).isEqualTo(LocalDate.of(2028, 5, 30));
        assertThat(MeasurementQuarters.quarterEnd(goLive, 12)).isEqualTo(LocalDate.of(2031, 3, 31));
        for (int quarter = 1; quarter < MeasurementQuarters.QUARTERS; quarter++) {
            assertThat(MeasurementQuarters.due(goLive, quarter))
                    .isBefore(MeasurementQuarters.windowStart(goLive, quarter + 1));
        }
        assertThat(MeasurementQuarters.quarterOf(goLive, LocalDate.of(2028, 7, 1))).isEqualTo(1);
        assertThat(MeasurementQuarters.quarterOf(goLive, LocalDate.of(2028, 8, 15))).isZero();
        assertThat(MeasurementQuarters.firstOpenQuarter(goLive, LocalDate.of(2028, 7, 30))).isEqualTo(1);
        assertThat(MeasurementQuarters.firstOpenQuarter(goLive, LocalDate.of(2028, 7, 31))).isEqualTo(2);
        assertThat(MeasurementQuarters.firstOpenQuarter(goLive, LocalDate.of(2031, 6, 1))).isZero();
    }
}
