using System.Net;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Tests.Core.Metrics.Sources;

/// <summary>Which addresses an HTTP source may fetch, with every setting.</summary>
public sealed class OutboundAddressRuleTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("168.63.129.16")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    public void Metadata_link_local_and_non_host_addresses_are_never_fetched(string address)
    {
        // Even with private networks and loopback allowed.
        Assert.NotNull(new OutboundAddressRule(allowPrivate: true, allowLoopback: true).Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.4")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")]
    [InlineData("100.64.0.1")]
    [InlineData("fd12:3456::1")]
    public void Private_addresses_need_the_setting(string address)
    {
        Assert.NotNull(new OutboundAddressRule(false, false).Refusal(IPAddress.Parse(address)));
        Assert.Null(new OutboundAddressRule(true, false).Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Loopback_only_where_allowed(string address)
    {
        Assert.NotNull(new OutboundAddressRule(true, false).Refusal(IPAddress.Parse(address)));
        Assert.Null(new OutboundAddressRule(false, true).Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("20.50.2.1")]
    [InlineData("172.32.0.1")]
    [InlineData("2a01:111:f100::1")]
    public void Public_addresses_are_fetched(string address)
    {
        Assert.Null(new OutboundAddressRule(false, false).Refusal(IPAddress.Parse(address)));
    }
}
