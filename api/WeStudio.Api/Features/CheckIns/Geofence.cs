namespace WeStudio.Api.Features.CheckIns;

/// <summary>Where a member was against a venue: great-circle distance in metres and whether it counts as inside.</summary>
public readonly record struct GeofenceCheck(double DistanceMeters, bool Inside);

/// <summary>
/// The optional venue geofence of a check-in (DESIGN.md, "Check-in (the heart)", property 6).
/// Coordinates are decimal degrees, latitude −90…90 and longitude −180…180; distances and accuracies are metres.
/// </summary>
/// <remarks>
/// The venue and the member must be in the same coordinate system. <c>wx.getLocation</c> returns WGS-84 by default
/// and GCJ-02 (the offset system of maps in mainland China) with <c>type: 'gcj02'</c>; the two differ by a few hundred
/// metres. WeStudio uses GCJ-02 on both sides: the mini-program asks for <c>type: 'gcj02'</c>, and the leader picks the
/// venue on a GCJ-02 map (<c>wx.chooseLocation</c>). Over a few kilometres the GCJ-02 offset is nearly constant, so a
/// distance comes out nearly the same in either system. The haversine formula on a sphere of the mean earth radius is
/// within about 0.5% of the WGS-84 ellipsoid distance.
/// </remarks>
public static class Geofence
{
    /// <summary>Mean earth radius (IUGG), in metres.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Haversine distance, in metres, between two points.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is NaN or out of range.</exception>
    public static double DistanceMeters(double lat1, double lng1, double lat2, double lng2)
    {
        CheckCoordinates(lat1, lng1, nameof(lat1), nameof(lng1));
        CheckCoordinates(lat2, lng2, nameof(lat2), nameof(lng2));
        var φ1 = Radians(lat1);
        var φ2 = Radians(lat2);
        var sinHalfΔφ = Math.Sin((φ2 - φ1) / 2);
        var sinHalfΔλ = Math.Sin(Radians(lng2 - lng1) / 2);
        var h = sinHalfΔφ * sinHalfΔφ + Math.Cos(φ1) * Math.Cos(φ2) * sinHalfΔλ * sinHalfΔλ;
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// Whether a reported position counts as inside the venue: distance ≤ <paramref name="radiusMeters"/> +
    /// min(<paramref name="accuracyMeters"/>, <paramref name="maxAccuracyMeters"/>). The cap
    /// (<see cref="CheckInOptions.MaxAccuracyMeters"/>) keeps a huge reported accuracy from defeating the fence.
    /// <paramref name="accuracyMeters"/> is what the device reported (<c>wx.getLocation</c>'s <c>accuracy</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is NaN or out of range, or a radius or accuracy is negative, NaN or infinite (the cap excepted: an accuracy may be +∞).</exception>
    public static GeofenceCheck Check(
        double venueLat, double venueLng, double radiusMeters, double lat, double lng, double accuracyMeters, double maxAccuracyMeters)
    {
        CheckCoordinates(venueLat, venueLng, nameof(venueLat), nameof(venueLng));
        CheckCoordinates(lat, lng, nameof(lat), nameof(lng));
        if (!(radiusMeters >= 0 && double.IsFinite(radiusMeters)))
            throw new ArgumentOutOfRangeException(nameof(radiusMeters), radiusMeters, "Must be a finite number of metres ≥ 0.");
        if (!(accuracyMeters >= 0))
            throw new ArgumentOutOfRangeException(nameof(accuracyMeters), accuracyMeters, "Must be a number of metres ≥ 0.");
        if (!(maxAccuracyMeters >= 0 && double.IsFinite(maxAccuracyMeters)))
            throw new ArgumentOutOfRangeException(nameof(maxAccuracyMeters), maxAccuracyMeters, "Must be a finite number of metres ≥ 0.");

        var distance = DistanceMeters(venueLat, venueLng, lat, lng);
        return new GeofenceCheck(distance, distance <= radiusMeters + Math.Min(accuracyMeters, maxAccuracyMeters));
    }

    /// <summary>True when both are numbers within −90…90 (latitude) and −180…180 (longitude); use it to validate input.</summary>
    public static bool IsValid(double lat, double lng) => lat is >= -90 and <= 90 && lng is >= -180 and <= 180;

    private static void CheckCoordinates(double lat, double lng, string latName, string lngName)
    {
        if (!(lat is >= -90 and <= 90)) throw new ArgumentOutOfRangeException(latName, lat, "Latitude must be between -90 and 90 degrees.");
        if (!(lng is >= -180 and <= 180)) throw new ArgumentOutOfRangeException(lngName, lng, "Longitude must be between -180 and 180 degrees.");
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
