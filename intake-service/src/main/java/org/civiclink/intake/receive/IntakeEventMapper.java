package org.civiclink.intake.receive;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.civiclink.events.Address;
import org.civiclink.events.AddressUse;
import org.civiclink.events.ConsentDeclaration;
import org.civiclink.events.ConsentStatus;
import org.civiclink.events.DataQualityFlag;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.NameUse;
import org.civiclink.events.PersonName;
import org.civiclink.events.PersonRecord;
import org.civiclink.events.Phone;
import org.civiclink.events.PhoneUse;
import org.civiclink.events.Provenance;
import org.civiclink.events.VerificationStatus;
import org.civiclink.intake.api.IntakeEventRequest;
import org.civiclink.intake.validation.QualityFlag;

/**
 * JSON request to Avro event. Values are carried over as sent; a code outside an enum becomes
 * UNKNOWN rather than an error, because the value it qualifies is still worth keeping.
 */
public final class IntakeEventMapper {

    private IntakeEventMapper() {
    }

    public static IntakeEvent toEvent(IntakeEventRequest request, Instant receivedAt, List<QualityFlag> flags) {
        return IntakeEvent.newBuilder()
                .setAgencyCode(request.agencyCode())
                .setAgencyEventId(request.agencyEventId())
                .setEventType(request.eventType())
                .setOccurredAt(request.occurredAt())
                .setReceivedAt(receivedAt)
                .setPerson(person(request.person()))
                .setFacts(map(request.facts(), fact -> fact(fact, request.agencyCode())))
                .setConsents(map(request.consents(), consent -> consent(consent, request.agencyCode())))
                .setQualityFlags(map(flags, flag -> DataQualityFlag.newBuilder()
                        .setField(flag.field()).setCode(flag.code()).setNormalized(flag.normalized()).build()))
                .build();
    }

    private static PersonRecord person(IntakeEventRequest.Person person) {
        return PersonRecord.newBuilder()
                .setAgencyRecordId(person.agencyRecordId())
                .setNames(map(person.names(), name -> PersonName.newBuilder()
                        .setGiven(name.given()).setMiddle(name.middle()).setFamily(name.family()).setSuffix(name.suffix())
                        .setUse(enumOrUnknown(NameUse.class, name.use(), NameUse.OFFICIAL, NameUse.UNKNOWN))
                        .build()))
                .setDateOfBirth(person.dateOfBirth())
                .setSex(person.sex())
                .setSsn(person.ssn())
                .setAddresses(map(person.addresses(), address -> Address.newBuilder()
                        .setLine1(address.line1()).setLine2(address.line2()).setCity(address.city())
                        .setRegion(address.region()).setPostalCode(address.postalCode()).setCountry(address.country())
                        .setUse(enumOrUnknown(AddressUse.class, address.use(), AddressUse.HOME, AddressUse.UNKNOWN))
                        .setValidFrom(address.validFrom())
                        .build()))
                .setPhones(map(person.phones(), phone -> Phone.newBuilder()
                        .setNumber(phone.number())
                        .setUse(enumOrUnknown(PhoneUse.class, phone.use(), PhoneUse.UNKNOWN, PhoneUse.UNKNOWN))
                        .build()))
                .build();
    }

    private static Fact fact(IntakeEventRequest.Fact fact, String agencyCode) {
        return Fact.newBuilder()
                .setCategory(fact.category())
                .setCode(fact.code())
                .setValue(fact.value())
                .setEffectiveFrom(fact.effectiveFrom())
                .setEffectiveTo(fact.effectiveTo())
                .setDataCategory(fact.dataCategory())
                .setSource(provenance(fact.source(), agencyCode))
                .build();
    }

    private static ConsentDeclaration consent(IntakeEventRequest.Consent consent, String agencyCode) {
        return ConsentDeclaration.newBuilder()
                .setPurpose(consent.purpose())
                .setDataCategories(consent.dataCategories() == null ? List.of() : consent.dataCategories())
                .setStatus(enumOrUnknown(ConsentStatus.class, consent.status(), ConsentStatus.UNKNOWN, ConsentStatus.UNKNOWN))
                .setDeclaredAt(consent.declaredAt())
                .setExpiresOn(consent.expiresOn())
                .setSource(provenance(consent.source(), agencyCode))
                .build();
    }

    /** A fact without a source is the sending agency's, unverified: every fact keeps a source. */
    private static Provenance provenance(IntakeEventRequest.Source source, String agencyCode) {
        if (source == null) {
            return Provenance.newBuilder().setAgencyCode(agencyCode).setVerification(VerificationStatus.UNVERIFIED).build();
        }
        return Provenance.newBuilder()
                .setAgencyCode(source.agencyCode() == null ? agencyCode : source.agencyCode())
                .setSourceSystem(source.sourceSystem())
                .setVerification(enumOrUnknown(VerificationStatus.class, source.verification(),
                        VerificationStatus.UNVERIFIED, VerificationStatus.UNKNOWN))
                .setRecordedAt(source.recordedAt())
                .build();
    }

    private static <E extends Enum<E>> E enumOrUnknown(Class<E> type, String value, E whenAbsent, E whenUnknown) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElse(whenUnknown);
    }

    private static <A, B> List<B> map(List<A> values, Function<A, B> mapping) {
        return values == null ? List.of() : values.stream().map(mapping).toList();
    }
}
