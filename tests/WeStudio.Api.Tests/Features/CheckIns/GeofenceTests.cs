using WeStudio.Api.Features.CheckIns;

namespace WeStudio.Api.Tests.Features.CheckIns;

public class GeofenceTests
{
    private const double TiananmenLat = 39.908700;
    private const double TiananmenLng = 116.397500;

    // Offsets of exactly 1,000 m on the WGS-84 ellipsoid at Tiananmen's latitude, from the meridian radius of curvature
    // M = a(1 − e²)/(1 − e² sin²φ)^1.5 and the prime vertical radius N = a/√(1 − e² sin²φ):
    // Δφ = 1000/M, Δλ = 1000/(N cos φ), with a = 6378137 m and f = 1/298.257223563.
    private const double OneKilometreNorth = 0.009006341301622202;
    private const double OneKilometreEast = 0.011694883605209623;

    [Fact]
    public void APointIsZeroMetresFromItself()
    {
        Assert.Equal(0, Geofence.DistanceMeters(TiananmenLat, TiananmenLng, TiananmenLat, TiananmenLng));
    }

    [Fact]
    public void TiananmenToAPointOneKilometreNorthIsOneKilometreWithinOnePercent()
    {
        var distance = Geofence.DistanceMeters(TiananmenLat, TiananmenLng, TiananmenLat + OneKilometreNorth, TiananmenLng);

        Assert.InRange(distance, 990, 1010);
    }

    [Fact]
    public void TiananmenToAPointOneKilometreEastIsOneKilometreWithinOnePercent()
    {
        var distance = Geofence.DistanceMeters(TiananmenLat, TiananmenLng, TiananmenLat, TiananmenLng + OneKilometreEast);

        Assert.InRange(distance, 990, 1010);
    }

    [Fact]
    public void EquatorToPoleIsTenThousandKilometresWithinHalfAPercent()
    {
        // WGS-84 quarter meridian: 10,001,965.729 m.
        var distance = Geofence.DistanceMeters(0, 116.3975, 90, 116.3975);

        Assert.InRange(distance, 10_001_965.729 * 0.995, 10_001_965.729 * 1.005);
    }

    [Fact]
    public void DistanceIsSymmetricAndCrossesTheAntimeridianTheShortWay()
    {
        var there = Geofence.DistanceMeters(31.2304, 121.4737, TiananmenLat, TiananmenLng);
        var back = Geofence.DistanceMeters(TiananmenLat, TiananmenLng, 31.2304, 121.4737);
        var acrossDateLine = Geofence.DistanceMeters(0, 179.99, 0, -179.99);

        Assert.Equal(there, back, 6);
        Assert.InRange(acrossDateLine, 2_200, 2_250);
    }

    [Fact]
    public void MemberWithinTheRadiusIsInside()
    {
        var check = Geofence.Check(TiananmenLat, TiananmenLng, 100, TiananmenLat + OneKilometreNorth / 20, TiananmenLng, 0, 200);

        Assert.InRange(check.DistanceMeters, 49, 51);
        Assert.True(check.Inside);
    }

    [Fact]
    public void ReportedAccuracyWidensTheRadius()
    {
        var quarterKilometre = TiananmenLat + OneKilometreNorth / 4;

        var vague = Geofence.Check(TiananmenLat, TiananmenLng, 100, quarterKilometre, TiananmenLng, 160, 200);
        var precise = Geofence.Check(TiananmenLat, TiananmenLng, 100, quarterKilometre, TiananmenLng, 10, 200);

        Assert.True(vague.Inside);
        Assert.False(precise.Inside);
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(double.PositiveInfinity)]
    public void ReportedAccuracyIsCappedAtMaxAccuracy(double accuracyMeters)
    {
        var check = Geofence.Check(TiananmenLat, TiananmenLng, 100, TiananmenLat + OneKilometreNorth, TiananmenLng, accuracyMeters, 200);

        Assert.InRange(check.DistanceMeters, 990, 1010);
        Assert.False(check.Inside);
    }

    [Fact]
    public void AccuracyBelowTheCapCountsInFull()
    {
        var twoHundredFiftyMetres = TiananmenLat + OneKilometreNorth / 4;

        Assert.True(Geofence.Check(TiananmenLat, TiananmenLng, 100, twoHundredFiftyMetres, TiananmenLng, 199, 200).Inside);
        Assert.False(Geofence.Check(TiananmenLat, TiananmenLng, 100, twoHundredFiftyMetres, TiananmenLng, 199, 140).Inside);
    }

    [Theory]
    [InlineData(90.0001, 0)]
    [InlineData(-90.0001, 0)]
    [InlineData(0, 180.0001)]
    [InlineData(0, -180.0001)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.NaN)]
    [InlineData(double.PositiveInfinity, 0)]
    public void CoordinatesOutOfRangeAreRefused(double lat, double lng)
    {
        Assert.False(Geofence.IsValid(lat, lng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Geofence.DistanceMeters(TiananmenLat, TiananmenLng, lat, lng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Geofence.Check(TiananmenLat, TiananmenLng, 100, lat, lng, 10, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => Geofence.Check(lat, lng, 100, TiananmenLat, TiananmenLng, 10, 200));
    }

    [Fact]
    public void BoundaryCoordinatesAreAccepted()
    {
        Assert.True(Geofence.IsValid(90, 180));
        Assert.True(Geofence.IsValid(-90, -180));
        Assert.InRange(Geofence.DistanceMeters(-90, -180, 90, 180), 20_000_000, 20_040_000);
    }

    [Theory]
    [InlineData(-1, 10, 200)]
    [InlineData(double.NaN, 10, 200)]
    [InlineData(100, -1, 200)]
    [InlineData(100, double.NaN, 200)]
    [InlineData(100, 10, -1)]
    [InlineData(100, 10, double.PositiveInfinity)]
    public void NegativeOrMissingRadiusAndAccuracyAreRefused(double radius, double accuracy, double maxAccuracy)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Geofence.Check(TiananmenLat, TiananmenLng, radius, TiananmenLat, TiananmenLng, accuracy, maxAccuracy));
    }
}
