package no.innforing.benefit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a total in whole kroner by population (largest-remainder method): each municipality first gets the
 * whole kroner of its exact share, and the kroner left over go one each to the largest remainders, ties to the
 * lower municipality number. The shares always add up to the total exactly.
 */
public final class CostShares {

    /** A municipality that pays. */
    public record Participant(String municipalityNumber, String municipalityName, long population) {
    }

    /** A municipality's share of the total. */
    public record Share(String municipalityNumber, String municipalityName, long population, long amountNok) {
    }

    private CostShares() {
    }

    public static List<Share> split(long totalNok, List<Participant> participants) {
        if (totalNok < 0) {
            throw new IllegalArgumentException("A total cannot be negative: " + totalNok);
        }
        List<Participant> sorted = participants.stream()
                .sorted(Comparator.comparing(Participant::municipalityNumber)).toList();
        BigInteger population = BigInteger.valueOf(sorted.stream().mapToLong(Participant::population).sum());
        if (sorted.isEmpty() || population.signum() == 0) {
            return sorted.stream().map(p -> new Share(p.municipalityNumber(), p.municipalityName(), p.population(), 0))
                    .toList();
        }
        BigInteger total = BigInteger.valueOf(totalNok);
        long[] amounts = new long[sorted.size()];
        BigInteger[] remainders = new BigInteger[sorted.size()];
        long distributed = 0;
        for (int i = 0; i < sorted.size(); i++) {
            BigInteger[] quotient = total.multiply(BigInteger.valueOf(sorted.get(i).population()))
                    .divideAndRemainder(population);
            amounts[i] = quotient[0].longValueExact();
            remainders[i] = quotient[1];
            distributed += amounts[i];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            byRemainder.add(i);
        }
        // Stable sort: equal remainders keep the municipality-number order.
        byRemainder.sort((a, b) -> remainders[b].compareTo(remainders[a]));
        long left = totalNok - distributed;
        for (int k = 0; k < left; k++) {
            amounts[byRemainder.get(k)]++;
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Participant p = sorted.get(i);
            shares.add(new Share(p.municipalityNumber(), p.municipalityName(), p.population(), amounts[i]));
        }
        return shares;
    }
}
